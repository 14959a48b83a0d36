using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Journal;

namespace NonTax.Grains.Units;

/// <summary>
/// What the unit needs to decide, and nothing that grows with its notices (docs/architecture.md,
/// "Bounded state"). Retired ids — never reuse them; rows written with them still load because the
/// serializer skips ids the type no longer has: 4 History (base-data change log, now only the
/// basedata.changed facts), 7 OpenNotices and 8 Unremitted (per-notice maps, now SQL over the
/// projection), 13 ClearedOffenders (per-notice set, now <see cref="ClearedThrough"/>).
/// </summary>
[GenerateSerializer]
public sealed class CollectingUnitState : IVersionedState
{
    [Id(0)] public CollectingUnitProfile? Profile { get; set; }
    [Id(1)] public List<CollectionRight> Rights { get; set; } = [];
    [Id(2)] public MonitoringLimits Limits { get; set; } = new();
    [Id(3)] public int Version { get; set; }

    /// <summary>Two-digit year the sequence below belongs to; a new year restarts the sequence.</summary>
    [Id(5)] public int AllocationYear { get; set; }
    /// <summary>Sequences below this have been handed out in blocks; the next block starts here.</summary>
    [Id(6)] public long ReservedUpTo { get; set; } = 1;

    [Id(9)] public bool IsBlocked { get; set; }
    [Id(10)] public string? BlockReason { get; set; }
    [Id(11)] public DateTimeOffset? BlockedAt { get; set; }
    /// <summary>How many times the unit was blocked; numbers the block/unblock facts.</summary>
    [Id(12)] public int BlockCount { get; set; }
    /// <summary>
    /// When staff last cleared a block: notices issued (unpaid rule) or paid (un-remitted rule) up
    /// to this instant no longer count toward a block.
    /// </summary>
    [Id(14)] public DateTimeOffset? ClearedThrough { get; set; }

    // Never serialized: the storage provider drains it inside the write's transaction.
    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}
