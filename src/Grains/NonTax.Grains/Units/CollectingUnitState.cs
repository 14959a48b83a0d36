using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Journal;

namespace NonTax.Grains.Units;

[GenerateSerializer]
public sealed class CollectingUnitState : IVersionedState
{
    [Id(0)] public CollectingUnitProfile? Profile { get; set; }
    [Id(1)] public List<CollectionRight> Rights { get; set; } = [];
    [Id(2)] public MonitoringLimits Limits { get; set; } = new();
    [Id(3)] public int Version { get; set; }
    [Id(4)] public List<BaseDataChange> History { get; set; } = [];

    /// <summary>Two-digit year the sequence below belongs to; a new year restarts the sequence.</summary>
    [Id(5)] public int AllocationYear { get; set; }
    /// <summary>Sequences below this may have been handed out; an activation starts allocating here.</summary>
    [Id(6)] public long ReservedUpTo { get; set; } = 1;

    /// <summary>Issued, unpaid, not void: payment code → issue date.</summary>
    [Id(7)] public Dictionary<string, DateOnly> OpenNotices { get; set; } = [];
    /// <summary>Paid, not yet remitted: payment code → payment date.</summary>
    [Id(8)] public Dictionary<string, DateOnly> Unremitted { get; set; } = [];

    [Id(9)] public bool IsBlocked { get; set; }
    [Id(10)] public string? BlockReason { get; set; }
    [Id(11)] public DateTimeOffset? BlockedAt { get; set; }
    /// <summary>How many times the unit was blocked; numbers the block/unblock facts.</summary>
    [Id(12)] public int BlockCount { get; set; }
    /// <summary>Notices staff cleared by hand: they no longer count toward a block.</summary>
    [Id(13)] public HashSet<string> ClearedOffenders { get; set; } = [];

    // Never serialized: the storage provider drains it inside the write's transaction.
    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}
