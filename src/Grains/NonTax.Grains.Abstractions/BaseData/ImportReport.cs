namespace NonTax.Grains.Abstractions.BaseData;

public sealed record ImportReport(IReadOnlyList<ImportRowResult> Rows)
{
    public int Refused => Rows.Count(r => r.Outcome == "refused");
}
