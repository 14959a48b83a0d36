namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// reconciliation.compared: run <see cref="Run"/> compared a bank's complete file
/// (<see cref="MsgNo"/> 2555/2557/2556/2581) with the system's records. The differences themselves
/// are rows of <c>reconciliation_differences</c>; this fact carries the run's figures.
/// </summary>
public sealed record ReconciliationCompared : ReconciliationDayFact, IFact
{
    public static string Kind => "reconciliation.compared";

    public required string MsgNo { get; init; }
    public required int Run { get; init; }
    public required string FileStatus { get; init; }
    public required int BatchCount { get; init; }
    public required long BankCount { get; init; }
    [MoneyText] public required decimal BankAmount { get; init; }
    public required long FinanceCount { get; init; }
    [MoneyText] public required decimal FinanceAmount { get; init; }
    public required long MatchedCount { get; init; }
    [MoneyText] public required decimal MatchedAmount { get; init; }
    public required int Differences { get; init; }
    public required int FileOpenDifferences { get; init; }
    public required int Cleared { get; init; }

    /// <summary>Who asked for the run: "edge" for an arrived file, else the operator of a re-run.</summary>
    public required string Trigger { get; init; }
}
