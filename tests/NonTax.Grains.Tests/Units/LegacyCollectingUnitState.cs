using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Units;

namespace NonTax.Grains.Tests.Units;

/// <summary>
/// The shape <c>CollectingUnitState</c> had before its per-notice fields were retired, written
/// out by hand with the same ids, so a test can produce the bytes old rows of grain_state hold.
/// </summary>
[GenerateSerializer]
public sealed class LegacyCollectingUnitState
{
    [Id(0)] public CollectingUnitProfile? Profile { get; set; }
    [Id(1)] public List<CollectionRight> Rights { get; set; } = [];
    [Id(2)] public MonitoringLimits Limits { get; set; } = new();
    [Id(3)] public int Version { get; set; }
    [Id(4)] public List<BaseDataChange> History { get; set; } = [];
    [Id(5)] public int AllocationYear { get; set; }
    [Id(6)] public long ReservedUpTo { get; set; } = 1;
    [Id(7)] public Dictionary<string, DateOnly> OpenNotices { get; set; } = [];
    [Id(8)] public Dictionary<string, DateOnly> Unremitted { get; set; } = [];
    [Id(9)] public bool IsBlocked { get; set; }
    [Id(10)] public string? BlockReason { get; set; }
    [Id(11)] public DateTimeOffset? BlockedAt { get; set; }
    [Id(12)] public int BlockCount { get; set; }
    [Id(13)] public HashSet<string> ClearedOffenders { get; set; } = [];
}
