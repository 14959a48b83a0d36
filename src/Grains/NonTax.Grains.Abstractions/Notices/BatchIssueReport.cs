namespace NonTax.Grains.Abstractions.Notices;

/// <summary>Per-row outcome of a batch issue; each row is all-or-nothing on its own.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchIssueReport([property: Id(0)] IReadOnlyList<IssueResult> Rows)
{
    public int Issued => Rows.Count(r => r.Succeeded);
    public int Refused => Rows.Count - Issued;
}
