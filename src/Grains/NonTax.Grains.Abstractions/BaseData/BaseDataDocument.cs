using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Items;

namespace NonTax.Grains.Abstractions.BaseData;

/// <summary>
/// Base data as a JSON document (camelCase): what the sandbox file and the bureau's import screen
/// carry. Every list may be empty; rows are applied one by one with a per-row report.
/// </summary>
public sealed record BaseDataDocument(
    BureauProfile Bureau,
    IReadOnlyList<Region>? Regions = null,
    IReadOnlyList<AgentBank>? AgentBanks = null,
    IReadOnlyList<BankOutlet>? Outlets = null,
    IReadOnlyList<FiscalAccount>? FiscalAccounts = null,
    IReadOnlyList<PeerNode>? Peers = null,
    IReadOnlyList<PayModeEntry>? PayModes = null,
    HolidayCalendar? Calendar = null,
    IReadOnlyList<IncomeItemDefinition>? Items = null,
    IReadOnlyList<UnitEntry>? Units = null);
