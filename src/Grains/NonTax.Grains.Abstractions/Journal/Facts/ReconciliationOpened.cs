namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>reconciliation.opened: a bank's day became known (a first batch arrived, or the cut-off passed without a file).</summary>
public sealed record ReconciliationOpened : ReconciliationDayFact, IFact
{
    public static string Kind => "reconciliation.opened";

    /// <summary>Why the day opened: "file" (a batch arrived) or "cutoff" (the cut-off passed without one).</summary>
    public required string Reason { get; init; }
}
