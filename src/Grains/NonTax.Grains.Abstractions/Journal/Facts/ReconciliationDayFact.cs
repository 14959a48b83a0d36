namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// A reconciliation fact: each carries its day as it is after the change (<see cref="Day"/>), so
/// the projector can set <c>reconciliation_days</c> from any of them.
/// </summary>
public abstract record ReconciliationDayFact
{
    public required ReconciliationDayFigures Day { get; init; }
}

/// <summary>
/// A bank's reconciliation day after a change. <see cref="Version"/> (the day grain's write number)
/// keeps an older fact from overwriting a newer row.
/// </summary>
public sealed record ReconciliationDayFigures(
    string BankNode,
    DateOnly BusinessDay,
    string Status,
    int Version,
    int FilesCompared,
    int OpenDifferences,
    int ResolvedDifferences,
    bool FileMissingAlerted);
