using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Journal;
using NonTax.Protocol.Nodes;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Bureau;

/// <summary>The bureau's own base data; see <see cref="IBureauGrain"/>.</summary>
public sealed class BureauGrain(
    [PersistentState("bureau", StorageNames.Domain)] IPersistentState<BureauState> state,
    TimeProvider clock) : Grain, IBureauGrain
{
    private BureauState S => state.State;

    public async Task<string> Define(BureauProfile profile, string operatorName)
    {
        if (profile.FinanceNode != this.GetPrimaryKeyString() || !IsDigits(profile.RegionCode, 6))
        {
            return ResultCodes.MalformedField;
        }

        if (ChangeLog.Record(S, "bureau", profile.FinanceNode, S.Profile, profile, operatorName, clock.GetUtcNow()))
        {
            S.Profile = profile;
            await CommitAsync();
        }

        return ResultCodes.Success;
    }

    public Task<string> UpsertRegion(Region region, string operatorName) =>
        IsDigits(region.Code, 6) ? UpsertAsync(S.Regions, "region", region.Code, region, operatorName) : Refuse();

    public Task<string> UpsertAgentBank(AgentBank bank, string operatorName) =>
        bank.NodeCode is ['D' or 'Q', ..] && bank.NodeCode.Length == 11 && IsDigits(bank.BankCode, 4)
            ? UpsertAsync(S.AgentBanks, "agentBank", bank.NodeCode, bank, operatorName)
            : Refuse();

    public Task<string> UpsertOutlet(BankOutlet outlet, string operatorName) =>
        outlet.OutletCode.Length is > 0 and <= 20 && S.AgentBanks.ContainsKey(outlet.BankNodeCode)
            ? UpsertAsync(S.Outlets, "outlet", outlet.OutletCode, outlet, operatorName)
            : Refuse();

    public Task<string> UpsertFiscalAccount(FiscalAccount account, string operatorName) =>
        account.AccountNo.Length is > 0 and <= 50 && account.AccountType is >= 1 and <= 6 or 9
            ? UpsertAsync(S.FiscalAccounts, "fiscalAccount", account.AccountNo, account, operatorName)
            : Refuse();

    public Task<string> UpsertPeer(PeerNode peer, string operatorName) =>
        NodeCode.IsPeerCode(peer.NodeCode)
            ? UpsertAsync(S.Peers, "peer", peer.NodeCode, peer with { ActsForUnits = [.. peer.ActsForUnits.Order(StringComparer.Ordinal)] }, operatorName)
            : Refuse();

    public Task<string> UpsertPayMode(PayModeEntry payMode, string operatorName) =>
        payMode.Code.Length is 1 or 2 && IsDigits(payMode.Code, payMode.Code.Length)
            ? UpsertAsync(S.PayModes, "payMode", payMode.Code.PadLeft(2, '0'), payMode with { Code = payMode.Code.PadLeft(2, '0') }, operatorName)
            : Refuse();

    public async Task<string> SetCalendar(HolidayCalendar calendar, string operatorName)
    {
        var normalized = new HolidayCalendar([.. calendar.Holidays.Distinct().Order()], [.. calendar.WorkingWeekendDays.Distinct().Order()]);
        if (ChangeLog.Record(S, "calendar", this.GetPrimaryKeyString(), S.Calendar, normalized, operatorName, clock.GetUtcNow()))
        {
            S.Calendar = normalized;
            await CommitAsync();
        }

        return ResultCodes.Success;
    }

    public Task<BureauSnapshot?> GetSnapshot() => Task.FromResult(S.Profile is null
        ? null
        : new BureauSnapshot(S.Profile, [.. S.Regions.Values], [.. S.AgentBanks.Values], [.. S.Outlets.Values],
            [.. S.FiscalAccounts.Values], [.. S.Peers.Values], [.. S.PayModes.Values], S.Calendar, S.Version));

    public Task<FiscalAccount?> GetFiscalAccount(string accountNo) =>
        Task.FromResult(S.FiscalAccounts.GetValueOrDefault(accountNo));

    public Task<PeerNode?> GetPeer(string nodeCode) => Task.FromResult(S.Peers.GetValueOrDefault(nodeCode));

    public Task<HolidayCalendar> GetCalendar() => Task.FromResult(S.Calendar);

    public Task<IReadOnlyList<BaseDataChange>> GetChangeLog() => Task.FromResult<IReadOnlyList<BaseDataChange>>([.. S.History]);

    private async Task<string> UpsertAsync<T>(Dictionary<string, T> table, string entity, string key, T value, string operatorName)
        where T : class
    {
        if (S.Profile is null)
        {
            // Rows hang off a defined bureau so the log always has an owner.
            return ResultCodes.GeneralFailure;
        }

        if (ChangeLog.Record(S, entity, key, table.GetValueOrDefault(key), value, operatorName, clock.GetUtcNow()))
        {
            table[key] = value;
            await CommitAsync();
        }

        return ResultCodes.Success;
    }

    private static Task<string> Refuse() => Task.FromResult(ResultCodes.MalformedField);

    private static bool IsDigits(string? text, int length) => text is not null && text.Length == length && text.All(char.IsAsciiDigit);

    private async Task CommitAsync()
    {
        await state.CommitAsync(DeactivateOnIdle);
        // Banks keep a copy of the accounts and regions; the publisher debounces and skips unchanged refreshes.
        await GrainFactory.GetGrain<IBaseDataPublisherGrain>(this.GetPrimaryKeyString()).BaseDataChanged();
    }
}
