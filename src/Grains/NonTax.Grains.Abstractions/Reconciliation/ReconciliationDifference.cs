namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>One row of <c>reconciliation_differences</c>, as the result message and staff see it.</summary>
[GenerateSerializer, Immutable]
[Alias("reconciliation.difference")]
public sealed record ReconciliationDifference(
    [property: Id(0)] long DifferenceId,
    [property: Id(1)] string MsgNo,
    [property: Id(2)] string RecordKey,
    [property: Id(3)] int DiffType,
    [property: Id(4)] string Field,
    [property: Id(5)] string PayCode,
    [property: Id(6)] string TraNoBus,
    [property: Id(7)] string? BankValue,
    [property: Id(8)] string? FinanceValue,
    [property: Id(9)] string Status,
    [property: Id(10)] int LastRun,
    [property: Id(11)] string? Resolution,
    [property: Id(12)] string? ResolutionNote,
    [property: Id(13)] string? ResolvedBy,
    [property: Id(14)] DateTimeOffset? ResolvedAt,
    [property: Id(15)] string AccountNo = "");
