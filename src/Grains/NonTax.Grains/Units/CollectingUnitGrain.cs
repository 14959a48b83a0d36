using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Codes;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Hosting;
using NonTax.Grains.Journal;

namespace NonTax.Grains.Units;

/// <summary>A collecting unit; see <see cref="ICollectingUnitGrain"/>.</summary>
public sealed class CollectingUnitGrain(
    [PersistentState("unit", StorageNames.Domain)] IPersistentState<CollectingUnitState> state,
    TimeProvider clock,
    IUnitMonitoringSource monitoringSource,
    IOptions<MonitoringOptions> monitoringOptions) : Grain, ICollectingUnitGrain, IRemindable
{
    private const string MonitoringReminder = "monitoring";
    /// <summary>Unique-claim scope of payment-code issuer numbers: key "{region}/{issuer}", owner the unit code.</summary>
    internal const string IssuerScope = "payissuer";
    /// <summary>The most sequence numbers one reservation may take.</summary>
    private const int MaxBlockSize = 10_000;

    private CollectingUnitState S => state.State;
    private string UnitCode => this.GetPrimaryKeyString();
    private IUnitIssuingGrain Issuing => GrainFactory.GetGrain<IUnitIssuingGrain>(UnitCode);

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

    public async Task<CollectingUnitView?> Get() => S.Profile is null
        ? null
        : new CollectingUnitView(S.Profile, [.. S.Rights], S.Limits, Monitoring(await ReadBacklogAsync()), S.Version);

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

        if (limits.MaxDaysIssuedUnpaid < 0 || limits.MaxDaysUnremitted < 0)
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

    // Interleaved hand-overs: the issuing worker reads the terms and asks for code blocks itself.
    public Task<IssueResult> Issue(NoticeDraft draft) => Issuing.Issue(draft);

    public Task<IssueResult> IssueWithCode(string payCode, NoticeDraft draft) => Issuing.IssueWithCode(payCode, draft);

    public Task<BatchIssueReport> IssueBatch(IReadOnlyList<NoticeDraft> rows) => Issuing.IssueBatch(rows);

    public Task<IssuingTerms> GetIssuingTerms() =>
        Task.FromResult(new IssuingTerms(S.Profile, [.. S.Rights], S.IsBlocked, S.BlockReason, S.Version));

    public async Task<PayCodeBlock> ReserveCodes(int year, int count)
    {
        if (S.Profile is not { } profile)
        {
            throw new InvalidOperationException($"Unit {UnitCode} does not exist; it has no payment codes to hand out.");
        }

        count = Math.Clamp(count, 1, MaxBlockSize);
        if (year > S.AllocationYear)
        {
            S.AllocationYear = year;
            S.ReservedUpTo = 1;
        }

        var first = S.ReservedUpTo;
        S.ReservedUpTo = first + count;
        await CommitAsync();
        return new PayCodeBlock(profile.RegionCode, profile.IssuerNumber, S.AllocationYear, first, count);
    }

    public async Task<string> VoidNotice(string payCode, string operatorName, string reason)
    {
        if (S.Profile is null)
        {
            return ResultCodes.UnknownUnit;
        }

        var notice = GrainFactory.GetGrain<IPaymentNoticeGrain>(payCode);
        var record = await notice.GetDetails();
        if (record is null)
        {
            return ResultCodes.UnknownPayCode;
        }

        if (record.Details.UnitCode != UnitCode)
        {
            // Another unit's notice is, for this unit, a code it does not know.
            return ResultCodes.UnknownPayCode;
        }

        // Interleaves: it changes no unit state, and the notice settles without calling back.
        return await notice.Void(operatorName, reason);
    }

    public async Task MarkRemitted(IReadOnlyList<string> payCodes)
    {
        if (payCodes.Count == 0)
        {
            return;
        }

        // One fact per code, all in one unit write; the projection marks the paid notices remitted.
        // The id carries the instant so a later call for a code that was not yet paid still counts.
        var now = clock.GetUtcNow();
        var date = ChinaTime.ToBusinessDate(now);
        foreach (var code in payCodes.Distinct())
        {
            S.Journal.Record(BusinessFact.Create($"{code}:{now.UtcTicks}", code, now, new NoticeRemitted(code, UnitCode, date)));
        }

        await CommitAsync();
    }

    public async Task<MonitoringState> EvaluateMonitoring()
    {
        if (S.Profile is null)
        {
            return Monitoring(UnitBacklog.Empty);
        }

        var today = ChinaTime.Today(clock);
        var backlog = await ReadBacklogAsync();
        var reason = BlockReason(backlog, today);
        var now = clock.GetUtcNow();
        if (reason is not null && !S.IsBlocked)
        {
            S.IsBlocked = true;
            S.BlockReason = reason;
            S.BlockedAt = now;
            S.BlockCount++;
            S.Journal.Record(BusinessFact.Create($"{UnitCode}:{S.BlockCount}", UnitCode, now, new UnitBlocked(UnitCode, reason, today, Operator: "monitoring")));
            await CommitAsync();
        }
        else if (reason is null && S.IsBlocked)
        {
            Unblock(now, "monitoring", "limits no longer exceeded");
            await CommitAsync();
        }

        return Monitoring(backlog);
    }

    public async Task<string> ClearBlock(string operatorName, string reason)
    {
        if (S.Profile is null)
        {
            return ResultCodes.UnknownUnit;
        }

        var now = clock.GetUtcNow();
        S.ClearedThrough = now;
        if (S.IsBlocked)
        {
            Unblock(now, operatorName, reason);
        }

        await CommitAsync();
        return ResultCodes.Success;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == MonitoringReminder ? EvaluateMonitoring() : Task.CompletedTask;

    private Task<UnitBacklog> ReadBacklogAsync() => monitoringSource.ReadAsync(UnitCode, S.ClearedThrough);

    /// <summary>The first limit the backlog exceeds, as the reason staff see; null when none is.</summary>
    private string? BlockReason(UnitBacklog backlog, DateOnly today)
    {
        if (S.Limits.MaxDaysIssuedUnpaid is { } maxUnpaid && backlog.OldestCountedOpen is { } open
            && today.DayNumber - open.Date.DayNumber is var unpaidAge && unpaidAge > maxUnpaid)
        {
            return $"notice {open.PayCode} issued {open.Date:yyyy-MM-dd} unpaid for {unpaidAge} days (limit {maxUnpaid})";
        }

        if (S.Limits.MaxDaysUnremitted is { } maxUnremitted && backlog.OldestCountedUnremitted is { } paid
            && today.DayNumber - paid.Date.DayNumber is var unremittedAge && unremittedAge > maxUnremitted)
        {
            return $"notice {paid.PayCode} paid {paid.Date:yyyy-MM-dd} un-remitted for {unremittedAge} days (limit {maxUnremitted})";
        }

        return null;
    }

    private void Unblock(DateTimeOffset now, string operatorName, string reason)
    {
        S.Journal.Record(BusinessFact.Create($"{UnitCode}:{S.BlockCount}", UnitCode, now,
            new UnitUnblocked(UnitCode, reason, PreviousReason: S.BlockReason, ChinaTime.ToBusinessDate(now), operatorName)));
        S.IsBlocked = false;
        S.BlockReason = null;
        S.BlockedAt = null;
    }

    private MonitoringState Monitoring(UnitBacklog backlog) => new(
        S.IsBlocked, S.BlockReason, S.BlockedAt, backlog.OpenNotices, backlog.UnremittedNotices,
        backlog.OldestOpenIssueDate, backlog.OldestUnremittedPaidDate);

    private async Task EnsureMonitoringReminderAsync()
    {
        var period = monitoringOptions.Value.EvaluationPeriod;
        await this.RegisterOrUpdateReminder(MonitoringReminder, period, period);
    }

    private Task CommitAsync() => state.CommitAsync(DeactivateOnIdle);
}
