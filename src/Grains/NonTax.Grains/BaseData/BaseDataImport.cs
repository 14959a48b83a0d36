using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Units;
using NonTax.Protocol.Results;

namespace NonTax.Grains.BaseData;

/// <summary>
/// Applies a base-data document row by row through the grains (so every change is versioned,
/// logged and journaled) and reports per row. Order: bureau, its tables, items, then units and
/// their rights, so references resolve. A refused row does not stop the others.
/// </summary>
/// <param name="onlyAbsent">Seeding mode: rows whose key already exists are skipped, so a restart never undoes a change staff made.</param>
public sealed class BaseDataImport(IGrainFactory grains, string operatorName, bool onlyAbsent)
{
    private readonly List<ImportRowResult> _rows = [];

    public async Task<ImportReport> ApplyAsync(BaseDataDocument document)
    {
        var bureau = grains.GetGrain<IBureauGrain>(document.Bureau.FinanceNode);
        var snapshot = await bureau.GetSnapshot();
        await RowAsync("bureau", document.Bureau.FinanceNode, snapshot is not null, () => bureau.Define(document.Bureau, operatorName));
        snapshot ??= await bureau.GetSnapshot();

        foreach (var region in document.Regions ?? [])
        {
            await RowAsync("region", region.Code, snapshot?.Regions.Any(r => r.Code == region.Code) == true, () => bureau.UpsertRegion(region, operatorName));
        }

        foreach (var bank in document.AgentBanks ?? [])
        {
            await RowAsync("agentBank", bank.NodeCode, snapshot?.AgentBanks.Any(b => b.NodeCode == bank.NodeCode) == true, () => bureau.UpsertAgentBank(bank, operatorName));
        }

        foreach (var outlet in document.Outlets ?? [])
        {
            await RowAsync("outlet", outlet.OutletCode, snapshot?.Outlets.Any(o => o.OutletCode == outlet.OutletCode) == true, () => bureau.UpsertOutlet(outlet, operatorName));
        }

        foreach (var account in document.FiscalAccounts ?? [])
        {
            await RowAsync("fiscalAccount", account.AccountNo, snapshot?.FiscalAccounts.Any(a => a.AccountNo == account.AccountNo) == true, () => bureau.UpsertFiscalAccount(account, operatorName));
        }

        foreach (var peer in document.Peers ?? [])
        {
            await RowAsync("peer", peer.NodeCode, snapshot?.Peers.Any(p => p.NodeCode == peer.NodeCode) == true, () => bureau.UpsertPeer(peer, operatorName));
        }

        foreach (var payMode in document.PayModes ?? [])
        {
            var code = payMode.Code.PadLeft(2, '0');
            await RowAsync("payMode", code, snapshot?.PayModes.Any(p => p.Code == code) == true, () => bureau.UpsertPayMode(payMode, operatorName));
        }

        if (document.Calendar is { } calendar)
        {
            var present = snapshot is not null && (snapshot.Calendar.Holidays.Count > 0 || snapshot.Calendar.WorkingWeekendDays.Count > 0);
            await RowAsync("calendar", document.Bureau.FinanceNode, present, () => bureau.SetCalendar(calendar, operatorName));
        }

        foreach (var item in document.Items ?? [])
        {
            var grain = grains.GetGrain<IIncomeItemGrain>(item.ItemCode);
            await RowAsync("item", item.ItemCode, await grain.Get() is not null, () => grain.Define(item, operatorName));
        }

        foreach (var unit in document.Units ?? [])
        {
            await ApplyUnitAsync(unit);
        }

        return new ImportReport(_rows);
    }

    private async Task ApplyUnitAsync(UnitEntry entry)
    {
        var unit = grains.GetGrain<ICollectingUnitGrain>(entry.Profile.UnitCode);
        var present = await unit.Get() is not null;
        if (present && onlyAbsent)
        {
            _rows.Add(new ImportRowResult("unit", entry.Profile.UnitCode, "skipped"));
            return;
        }

        if (!await RowAsync("unit", entry.Profile.UnitCode, present, () => unit.Define(entry.Profile, operatorName)))
        {
            return;
        }

        foreach (var itemCode in entry.ItemCodes)
        {
            await RowAsync("collectionRight", $"{entry.Profile.UnitCode}/{itemCode}", present: false, () => unit.GrantRight(itemCode, operatorName));
        }

        if (entry.Limits is { } limits)
        {
            await RowAsync("monitoringLimits", entry.Profile.UnitCode, present: false, () => unit.SetMonitoringLimits(limits, operatorName));
        }
    }

    /// <returns>Whether the row is in place afterwards (applied or skipped).</returns>
    private async Task<bool> RowAsync(string entity, string key, bool present, Func<Task<string>> apply)
    {
        if (present && onlyAbsent)
        {
            _rows.Add(new ImportRowResult(entity, key, "skipped"));
            return true;
        }

        try
        {
            var result = await apply();
            var ok = result == ResultCodes.Success;
            _rows.Add(new ImportRowResult(entity, key, ok ? "applied" : "refused", result));
            return ok;
        }
        catch (Exception ex)
        {
            _rows.Add(new ImportRowResult(entity, key, "refused", ResultCodes.GeneralFailure, ex.Message));
            return false;
        }
    }
}
