namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>One file kind of a day as the day grain holds it.</summary>
[GenerateSerializer, Immutable]
[Alias("reconciliation.file-view")]
public sealed record ReconciliationFileView(
    [property: Id(0)] string MsgNo,
    [property: Id(1)] string Status,
    [property: Id(2)] int BatchCount,
    [property: Id(3)] int BatchesReceived,
    [property: Id(4)] int Run,
    [property: Id(5)] ComparisonSummary? LastComparison,
    [property: Id(6)] int ResolvedDifferences,
    [property: Id(7)] bool ResultPending);
