namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>reconciliation.difference_resolved: staff settled one difference — how, why, who (the fact's instant is when).</summary>
public sealed record ReconciliationDifferenceResolved : ReconciliationDayFact, IFact
{
    public static string Kind => "reconciliation.difference_resolved";

    public required string MsgNo { get; init; }
    public required long DifferenceId { get; init; }
    public required string Resolution { get; init; }
    public required string Note { get; init; }
    public required string Operator { get; init; }
    public required string FileStatus { get; init; }
    public required int FileOpenDifferences { get; init; }
}
