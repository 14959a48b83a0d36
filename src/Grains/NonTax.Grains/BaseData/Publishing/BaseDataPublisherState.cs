using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Units;

namespace NonTax.Grains.BaseData.Publishing;

[GenerateSerializer]
public sealed class BaseDataPublisherState : IJournaledState
{
    /// <summary>Last SeqNo given per MsgNo; only ever increased.</summary>
    [Id(0)] public Dictionary<string, long> SeqNos { get; set; } = [];

    /// <summary>Fingerprint of the last refresh pushed per MsgNo (see <see cref="RefreshContent.Fingerprint"/>).</summary>
    [Id(1)] public Dictionary<string, string> PushedFingerprints { get; set; } = [];

    /// <summary>The units of this finance node by unit code, for the owners of supervised accounts.</summary>
    [Id(2)] public Dictionary<string, CollectingUnitProfile> Units { get; set; } = [];

    /// <summary>A change was reported and not pushed yet (survives a restart; the reminder picks it up).</summary>
    [Id(3)] public bool ChangePending { get; set; }

    /// <summary>Instructions stored with their SeqNo but not yet accepted by their bank link.</summary>
    [Id(4)] public List<PendingHandOver> Undelivered { get; set; } = [];

    // Never serialized: the storage provider drains it inside the write's transaction.
    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}
