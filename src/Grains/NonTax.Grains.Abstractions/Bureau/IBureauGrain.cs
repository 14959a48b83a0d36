namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>
/// The base data a finance bureau manages itself (key: finance node code, e.g. F320682). Every
/// change is versioned, logged with who/when/before/after and journaled as a <c>basedata.changed</c> fact.
/// Upserts of an unchanged value change nothing.
/// </summary>
public interface IBureauGrain : IGrainWithStringKey
{
    Task<string> Define(BureauProfile profile, string operatorName);
    Task<string> UpsertRegion(Region region, string operatorName);
    Task<string> UpsertAgentBank(AgentBank bank, string operatorName);
    Task<string> UpsertOutlet(BankOutlet outlet, string operatorName);
    Task<string> UpsertFiscalAccount(FiscalAccount account, string operatorName);
    Task<string> UpsertPeer(PeerNode peer, string operatorName);
    Task<string> UpsertPayMode(PayModeEntry payMode, string operatorName);
    Task<string> SetCalendar(HolidayCalendar calendar, string operatorName);

    /// <summary>Null until <see cref="Define"/> was called.</summary>
    Task<BureauSnapshot?> GetSnapshot();

    Task<FiscalAccount?> GetFiscalAccount(string accountNo);

    /// <summary>A peer node's base data (what it is, which units a K node may act for); null if unknown.</summary>
    Task<PeerNode?> GetPeer(string nodeCode);
    Task<HolidayCalendar> GetCalendar();
    Task<IReadOnlyList<BaseDataChange>> GetChangeLog();
}
