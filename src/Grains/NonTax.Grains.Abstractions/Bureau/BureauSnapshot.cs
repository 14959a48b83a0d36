namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>Everything the bureau grain holds, for screens and for the edge's base-data messages.</summary>
[GenerateSerializer, Immutable]
public sealed record BureauSnapshot(
    [property: Id(0)] BureauProfile Profile,
    [property: Id(1)] IReadOnlyList<Region> Regions,
    [property: Id(2)] IReadOnlyList<AgentBank> AgentBanks,
    [property: Id(3)] IReadOnlyList<BankOutlet> Outlets,
    [property: Id(4)] IReadOnlyList<FiscalAccount> FiscalAccounts,
    [property: Id(5)] IReadOnlyList<PeerNode> Peers,
    [property: Id(6)] IReadOnlyList<PayModeEntry> PayModes,
    [property: Id(7)] HolidayCalendar Calendar,
    [property: Id(8)] int Version);
