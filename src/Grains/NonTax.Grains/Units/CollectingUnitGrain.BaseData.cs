using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Units;

// Base data of the unit (基础数据): its profile, collection rights and monitoring limits, each change versioned and logged.
public sealed partial class CollectingUnitGrain
{
    /// <summary>Unique-claim scope of payment-code issuer numbers: key "{region}/{issuer}", owner the unit code.</summary>
    internal const string IssuerScope = "payissuer";

    public async Task<string> Define(CollectingUnitProfile profile, string operatorName)
    {
        if (profile.UnitCode != UnitCode || profile.RegionCode.Length != 6 || !profile.RegionCode.All(char.IsAsciiDigit)
            || profile.IssuerNumber is < 0 or > 99 || string.IsNullOrWhiteSpace(profile.Name))
        {
            return ResultCodes.MalformedField;
        }

        var created = S.Profile is null;
        var before = S.Profile;
        if (ChangeLog.Record(S, "unit", UnitCode, before, profile, operatorName, clock.GetUtcNow()))
        {
            if (before is null || before.RegionCode != profile.RegionCode || before.IssuerNumber != profile.IssuerNumber)
            {
                // Codes are unique only if no two units of a region share an issuer number. A number
                // once used stays claimed by its unit, since codes issued under it exist.
                S.Journal.Claim(new UniqueClaim(IssuerScope, $"{profile.RegionCode}/{profile.IssuerNumber:D2}", UnitCode));
            }

            S.Profile = profile;
            try
            {
                await CommitAsync();
            }
            catch (Exception ex) when (JournaledCommit.FindClaimConflict(ex) is { Scope: IssuerScope })
            {
                return ResultCodes.MalformedField;
            }
        }

        if (created)
        {
            await EnsureMonitoringReminderAsync();
        }

        // 5981 names the unit of each supervised account; told even when unchanged, so a retry repairs a lost call.
        if (profile.FinanceNode.Length > 0)
        {
            await GrainFactory.GetGrain<IBaseDataPublisherGrain>(profile.FinanceNode).UnitChanged(profile);
        }

        return ResultCodes.Success;
    }

    public async Task<string> GrantRight(string itemCode, string operatorName)
    {
        if (S.Profile is null)
        {
            return ResultCodes.UnknownUnit;
        }

        var resolved = itemCode.Length == 12 ? await GrainFactory.GetGrain<INationalItemCodeGrain>(itemCode).Resolve() : itemCode;
        var item = string.IsNullOrEmpty(resolved) ? null : await GrainFactory.GetGrain<IIncomeItemGrain>(resolved).Get();
        if (item is null)
        {
            return ResultCodes.UnknownItem;
        }

        var right = new CollectionRight(item.ItemCode, item.NationalItemCode);
        var before = S.Rights.FirstOrDefault(r => r.ItemCode == item.ItemCode);
        if (ChangeLog.Record(S, "collectionRight", $"{UnitCode}/{item.ItemCode}", before, right, operatorName, clock.GetUtcNow()))
        {
            S.Rights.RemoveAll(r => r.ItemCode == item.ItemCode);
            S.Rights.Add(right);
            await CommitAsync();
        }

        return ResultCodes.Success;
    }

    public async Task<string> RevokeRight(string itemCode, string operatorName)
    {
        var right = S.Rights.FirstOrDefault(r => r.ItemCode == itemCode || r.NationalItemCode == itemCode);
        if (right is not null && ChangeLog.Record(S, "collectionRight", $"{UnitCode}/{right.ItemCode}", right, null, operatorName, clock.GetUtcNow()))
        {
            S.Rights.Remove(right);
            await CommitAsync();
        }

        return ResultCodes.Success;
    }

    public async Task<string> SetMonitoringLimits(MonitoringLimits limits, string operatorName)
    {
        if (S.Profile is null)
        {
            return ResultCodes.UnknownUnit;
        }

        if (limits.MaxDaysIssuedUnpaid < 0 || limits.MaxDaysUnremitted < 0 || limits.MaxDaysVoidUnreturned < 0)
        {
            return ResultCodes.MalformedField;
        }

        if (ChangeLog.Record(S, "monitoringLimits", UnitCode, S.Limits, limits, operatorName, clock.GetUtcNow()))
        {
            S.Limits = limits;
            await CommitAsync();
        }

        await EnsureMonitoringReminderAsync();
        return ResultCodes.Success;
    }
}
