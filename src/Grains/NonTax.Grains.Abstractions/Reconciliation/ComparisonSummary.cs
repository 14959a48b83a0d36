namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>
/// The figures of one comparison run of a file: the bank's side, the system's side, what matched
/// and how many differences the run found (open, or still resolved from an earlier run), and how
/// many earlier differences this run cleared.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("reconciliation.comparison-summary")]
public sealed record ComparisonSummary(
    [property: Id(0)] long BankCount,
    [property: Id(1)] decimal BankAmount,
    [property: Id(2)] long FinanceCount,
    [property: Id(3)] decimal FinanceAmount,
    [property: Id(4)] long MatchedCount,
    [property: Id(5)] decimal MatchedAmount,
    [property: Id(6)] int Differences,
    [property: Id(7)] int OpenDifferences,
    [property: Id(8)] int Cleared);
