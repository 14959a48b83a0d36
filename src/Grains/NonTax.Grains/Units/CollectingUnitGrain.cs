using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Codes;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Results;
using NonTax.Grains.Abstractions.Time;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Hosting;
using NonTax.Grains.Journal;

namespace NonTax.Grains.Units;

/// <summary>A collecting unit; see <see cref="ICollectingUnitGrain"/>.</summary>
public sealed class CollectingUnitGrain(
    [PersistentState("unit", StorageNames.Domain)] IPersistentState<CollectingUnitState> state,
    TimeProvider clock,
    IOptions<MonitoringOptions> monitoringOptions) : Grain, ICollectingUnitGrain, IRemindable
{
    /// <summary>Sequence numbers reserved per durable write; the rest of a block is skipped after a restart.</summary>
    internal const int AllocationBlockSize = 100;
    private const string MonitoringReminder = "monitoring";
    /// <summary>Tries before giving up when allocated codes are already taken (e.g. by an imported notice).</summary>
    private const int AllocationAttempts = 5;

    private PayCodeAllocator _allocator = null!;

    private CollectingUnitState S => state.State;
    private string UnitCode => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _allocator = new PayCodeAllocator(state, AllocationBlockSize);
        return Task.CompletedTask;
    }

    public async Task<string> Define(CollectingUnitProfile profile, string operatorName)
    {
        if (profile.UnitCode != UnitCode || profile.RegionCode.Length != 6 || !profile.RegionCode.All(char.IsAsciiDigit)
            || profile.IssuerNumber is < 0 or > 99 || string.IsNullOrWhiteSpace(profile.Name))
        {
            return ResultCodes.FieldInvalid;
        }

        var created = S.Profile is null;
        if (ChangeLog.Record(S, "unit", UnitCode, S.Profile, profile, operatorName, clock.GetUtcNow()))
        {
            S.Profile = profile;
            await CommitAsync();
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

    public Task<CollectingUnitView?> Get() => Task.FromResult(S.Profile is null
        ? null
        : new CollectingUnitView(S.Profile, [.. S.Rights], S.Limits, Monitoring(), S.Version));

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
            return ResultCodes.FieldInvalid;
        }

        if (ChangeLog.Record(S, "monitoringLimits", UnitCode, S.Limits, limits, operatorName, clock.GetUtcNow()))
        {
            S.Limits = limits;
            await CommitAsync();
        }

        await EnsureMonitoringReminderAsync();
        return ResultCodes.Success;
    }

    public Task<IssueResult> Issue(NoticeDraft draft) => IssueAsync(draft, suppliedCode: null);

    public Task<IssueResult> IssueWithCode(string payCode, NoticeDraft draft) =>
        PayCode.IsWellFormed(payCode)
            ? IssueAsync(draft, payCode)
            : Task.FromResult(new IssueResult(ResultCodes.FieldInvalid, payCode, Information: "PayCode"));

    public async Task<BatchIssueReport> IssueBatch(IReadOnlyList<NoticeDraft> rows)
    {
        var results = new List<IssueResult>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                results.Add(await IssueAsync(row, suppliedCode: null));
            }
            catch (Exception ex)
            {
                // One row's storage failure must not hide the outcome of the others.
                results.Add(new IssueResult(ResultCodes.GeneralFailure, Information: ex.Message));
            }
        }

        return new BatchIssueReport(results);
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
            return ResultCodes.PayCodeUnknown;
        }

        if (record.Details.UnitCode != UnitCode)
        {
            // Another unit's notice is, for this unit, a code it does not know.
            return ResultCodes.PayCodeUnknown;
        }

        // The notice tells this unit of the void before answering; let that call in.
        using (RequestContext.AllowCallChainReentrancy())
        {
            return await notice.Void(operatorName, reason);
        }
    }

    public async Task NoticeSettled(NoticeSettlement settlement)
    {
        // Idempotent without remembering every settled code: only an open notice moves.
        if (!S.OpenNotices.Remove(settlement.PayCode))
        {
            return;
        }

        if (settlement.Status == NoticeStatus.Paid)
        {
            S.Unremitted[settlement.PayCode] = settlement.Date;
        }

        S.ClearedOffenders.Remove(settlement.PayCode);
        await CommitAsync();
    }

    public async Task MarkRemitted(IReadOnlyList<string> payCodes)
    {
        var changed = false;
        foreach (var code in payCodes)
        {
            changed |= S.Unremitted.Remove(code);
            S.ClearedOffenders.Remove(code);
        }

        if (changed)
        {
            await CommitAsync();
        }
    }

    public async Task<MonitoringState> EvaluateMonitoring()
    {
        if (S.Profile is null)
        {
            return Monitoring();
        }

        var today = ChinaTime.Today(clock);
        var reason = Offenders(today).Select(o => o.Reason).FirstOrDefault();
        var now = clock.GetUtcNow();
        if (reason is not null && !S.IsBlocked)
        {
            S.IsBlocked = true;
            S.BlockReason = reason;
            S.BlockedAt = now;
            S.BlockCount++;
            S.Journal.Record(Facts.Create($"{FactKinds.UnitBlocked}:{UnitCode}:{S.BlockCount}", FactKinds.UnitBlocked, UnitCode, now,
                new { unitCode = UnitCode, reason, date = ChinaTime.ToYyyyMmDd(today), @operator = "monitoring" }));
            await CommitAsync();
        }
        else if (reason is null && S.IsBlocked)
        {
            Unblock(now, "monitoring", "limits no longer exceeded");
            await CommitAsync();
        }

        return Monitoring();
    }

    public async Task<string> ClearBlock(string operatorName, string reason)
    {
        if (S.Profile is null)
        {
            return ResultCodes.UnknownUnit;
        }

        var today = ChinaTime.Today(clock);
        foreach (var offender in Offenders(today))
        {
            S.ClearedOffenders.Add(offender.PayCode);
        }

        if (S.IsBlocked)
        {
            Unblock(clock.GetUtcNow(), operatorName, reason);
        }

        await CommitAsync();
        return ResultCodes.Success;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == MonitoringReminder ? EvaluateMonitoring() : Task.CompletedTask;

    private async Task<IssueResult> IssueAsync(NoticeDraft draft, string? suppliedCode)
    {
        if (S.Profile is not { } profile)
        {
            return new IssueResult(ResultCodes.UnknownUnit, suppliedCode, Information: UnitCode);
        }

        if (profile.Status != UnitStatus.Active)
        {
            return new IssueResult(ResultCodes.UnitBlocked, suppliedCode, Information: "unit inactive");
        }

        if (S.IsBlocked)
        {
            return new IssueResult(ResultCodes.UnitBlocked, suppliedCode, Information: S.BlockReason);
        }

        var validation = await new NoticeValidation(GrainFactory).ValidateAsync(draft, S.Rights);
        if (validation.ResultCode != ResultCodes.Success)
        {
            return new IssueResult(validation.ResultCode, suppliedCode, Information: validation.Information);
        }

        var bureau = GrainFactory.GetGrain<IBureauGrain>(profile.FinanceNode);
        var account = await bureau.GetFiscalAccount(profile.PayeeAccountNo);
        if (account is not { Active: true })
        {
            return new IssueResult(ResultCodes.GeneralFailure, suppliedCode, Information: $"payee account {profile.PayeeAccountNo} unknown or closed");
        }

        var calendar = await bureau.GetCalendar();
        var items = validation.Lines.Select(l => l.Item).ToList();
        var issueDate = ChinaTime.Today(clock);
        var dueDate = calendar.DueDate(issueDate, items.Max(i => i.PaymentPeriodDays));
        var lastPayable = dueDate.AddDays(items.Max(i => i.GraceDays));
        var payee = new Payee(account.AccountNo, account.Name, account.BankCode, account.BankName, account.AccountType);

        for (var attempt = 0; attempt < AllocationAttempts; attempt++)
        {
            var payCode = suppliedCode ?? await AllocateAsync(profile, issueDate);
            var notice = new NoticeIssue(payCode, UnitCode, profile.Name, profile.RegionCode, issueDate, dueDate, lastPayable,
                draft.Payer, payee, [.. validation.Lines.Select(l => l.Line)], draft.Amount,
                items.Max(i => i.LateFeeDailyRate), draft.OperatorName, draft.Memo, draft.ConfirmBack, draft.IssuerNode);
            var result = await GrainFactory.GetGrain<IPaymentNoticeGrain>(payCode).Issue(notice);
            if (result.Succeeded)
            {
                S.OpenNotices[payCode] = issueDate;
                await CommitAsync();
                return result;
            }

            if (suppliedCode is not null || result.ResultCode != ResultCodes.PayCodeAlreadyUsed)
            {
                return result;
            }
        }

        return new IssueResult(ResultCodes.GeneralFailure, Information: "no free payment code");
    }

    private async Task<string> AllocateAsync(CollectingUnitProfile profile, DateOnly issueDate)
    {
        var year = issueDate.Year % 100;
        if (_allocator.NeedsReservation(year))
        {
            _allocator.Reserve(year);
            await CommitAsync();
        }

        return _allocator.Next(profile.RegionCode, profile.IssuerNumber).Value;
    }

    private IEnumerable<(string PayCode, string Reason)> Offenders(DateOnly today)
    {
        if (S.Limits.MaxDaysIssuedUnpaid is { } maxUnpaid)
        {
            foreach (var (code, issued) in S.OpenNotices.OrderBy(n => n.Value))
            {
                var age = today.DayNumber - issued.DayNumber;
                if (age > maxUnpaid && !S.ClearedOffenders.Contains(code))
                {
                    yield return (code, $"notice {code} issued {issued:yyyy-MM-dd} unpaid for {age} days (limit {maxUnpaid})");
                }
            }
        }

        if (S.Limits.MaxDaysUnremitted is { } maxUnremitted)
        {
            foreach (var (code, paid) in S.Unremitted.OrderBy(n => n.Value))
            {
                var age = today.DayNumber - paid.DayNumber;
                if (age > maxUnremitted && !S.ClearedOffenders.Contains(code))
                {
                    yield return (code, $"notice {code} paid {paid:yyyy-MM-dd} un-remitted for {age} days (limit {maxUnremitted})");
                }
            }
        }
    }

    private void Unblock(DateTimeOffset now, string operatorName, string reason)
    {
        S.Journal.Record(Facts.Create($"{FactKinds.UnitUnblocked}:{UnitCode}:{S.BlockCount}", FactKinds.UnitUnblocked, UnitCode, now,
            new { unitCode = UnitCode, reason, previousReason = S.BlockReason, date = ChinaTime.ToYyyyMmDd(ChinaTime.ToBusinessDate(now)), @operator = operatorName }));
        S.IsBlocked = false;
        S.BlockReason = null;
        S.BlockedAt = null;
    }

    private MonitoringState Monitoring() => new(
        S.IsBlocked, S.BlockReason, S.BlockedAt, S.OpenNotices.Count, S.Unremitted.Count,
        S.OpenNotices.Count == 0 ? null : S.OpenNotices.Values.Min(),
        S.Unremitted.Count == 0 ? null : S.Unremitted.Values.Min());

    private async Task EnsureMonitoringReminderAsync()
    {
        var period = monitoringOptions.Value.EvaluationPeriod;
        await this.RegisterOrUpdateReminder(MonitoringReminder, period, period);
    }

    private Task CommitAsync() => state.CommitAsync(DeactivateOnIdle);
}
