using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Journal;

namespace NonTax.Grains.Bureau;

[GenerateSerializer]
public sealed class BureauState : IKeepsChangeHistory
{
    [Id(0)] public BureauProfile? Profile { get; set; }
    [Id(1)] public Dictionary<string, Region> Regions { get; set; } = [];
    [Id(2)] public Dictionary<string, AgentBank> AgentBanks { get; set; } = [];
    [Id(3)] public Dictionary<string, BankOutlet> Outlets { get; set; } = [];
    [Id(4)] public Dictionary<string, FiscalAccount> FiscalAccounts { get; set; } = [];
    [Id(5)] public Dictionary<string, PeerNode> Peers { get; set; } = [];
    [Id(6)] public Dictionary<string, PayModeEntry> PayModes { get; set; } = [];
    [Id(7)] public HolidayCalendar Calendar { get; set; } = HolidayCalendar.Empty;
    [Id(8)] public int Version { get; set; }
    [Id(9)] public List<BaseDataChange> History { get; set; } = [];

    // Never serialized: the storage provider drains it inside the write's transaction.
    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}
