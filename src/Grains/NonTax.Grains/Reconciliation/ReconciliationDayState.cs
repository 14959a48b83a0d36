using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.Reconciliation;

/// <summary>
/// A bank's reconciliation day. Bounded: a few flags and one <see cref="ReconciliationFileState"/>
/// per file kind (at most four: 2555, 2557, 2556, 2581); the records and differences live in tables.
/// </summary>
[GenerateSerializer]
public sealed class ReconciliationDayState : IJournaledState
{
    /// <summary>Write number of the facts; the projection keeps the row of the highest.</summary>
    [Id(0)] public int Version { get; set; }
    [Id(1)] public string Status { get; set; } = Abstractions.Reconciliation.ReconciliationStatus.Open;
    [Id(2)] public DateTimeOffset? OpenedAt { get; set; }
    [Id(3)] public Dictionary<string, ReconciliationFileState> Files { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public bool FileMissingAlerted { get; set; }
    /// <summary>How many times the day went from no open difference to some: numbers the differences alerts (one per episode, not per tick or re-run).</summary>
    [Id(5)] public int DifferenceEpisodes { get; set; }

    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}
