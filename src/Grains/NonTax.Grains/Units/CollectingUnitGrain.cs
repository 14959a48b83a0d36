using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Codes;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Journal;
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
    IOptions<MonitoringOptions> monitoringOptions) : Grain, ICollectingUnitGrain, IRemindable
{
    /// <summary>Sequence numbers reserved per durable write; the rest of a block is skipped after a restart.</summary>
    internal const int AllocationBlockSize = 100;
    private const string MonitoringReminder = "monitoring";
    /// <summary>Unique-claim scope of payment-code issuer numbers: key "{region}/{issuer}", owner the unit code.</summary>
    internal const string IssuerScope = "payissuer";
    /// <summary>Tries before giving up when allocated codes are already taken (e.g. by an imported notice).</summary>
    private const int AllocationAttempts = 5;
    /// <summary>The schools' import template allows at most 500 rows a batch.</summary>
    internal const int MaxBatchRows = 500;

    private PayCodeAllocator _allocator = null!;
    private readonly List<NoticeSettlement> _pendingSettlements = [];
    private TaskCompletionSource? _nextFlush;
    private IGrainTimer? _flushTimer;

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

    public Task<IssueResult> Issue(NoticeDraft draft) => IssueAsync(draft, suppliedCode: null);

    public Task<IssueResult> IssueWithCode(string payCode, NoticeDraft draft) =>
        PayCode.IsWellFormed(payCode)
            ? IssueAsync(draft, payCode)
            : Task.FromResult(new IssueResult(ResultCodes.MalformedField, payCode, Information: "PayCode"));

    public Task<BatchIssueReport> IssueBatch(IReadOnlyList<NoticeDraft> rows) => IssueBatchAsync(rows);

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

        // This method interleaves (it changes no unit state), so the notice's settlement call gets in.
        return await notice.Void(operatorName, reason);
    }

    public Task NoticeSettled(NoticeSettlement settlement)
    {
        // Interleaved: only queue here; the state changes in the exclusive flush below.
        _pendingSettlements.Add(settlement);
        if (_nextFlush is null)
        {
            _nextFlush = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushTimer = this.RegisterGrainTimer(FlushSettlementsAsync, new GrainTimerCreationOptions
            {
                DueTime = TimeSpan.Zero,
                Period = Timeout.InfiniteTimeSpan,
                Interleave = false,
            });
        }

        return _nextFlush.Task;
    }

    /// <summary>Applies every queued settlement and commits them in one write.</summary>
    private async Task FlushSettlementsAsync(CancellationToken cancellationToken)
    {
        var batch = _pendingSettlements.ToList();
        var done = _nextFlush!;
        _pendingSettlements.Clear();
        _nextFlush = null;
        _flushTimer?.Dispose();
        _flushTimer = null;
        try
        {
            var changed = false;
            foreach (var settlement in batch)
            {
                // Idempotent without remembering every settled code: only an open notice moves.
                if (!S.OpenNotices.Remove(settlement.PayCode))
                {
                    continue;
                }

                if (settlement.Status == NoticeStatus.Paid)
                {
                    S.Unremitted[settlement.PayCode] = settlement.Date;
                }

                S.ClearedOffenders.Remove(settlement.PayCode);
                changed = true;
            }

            if (changed)
            {
                await CommitAsync();
            }

            done.SetResult();
        }
        catch (Exception ex)
        {
            // Nothing of the batch stayed applied; each notice keeps its outbox item and retries.
            done.SetException(ex);
        }
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
        var (prepared, refusal) = await PrepareAsync(draft, suppliedCode);
        if (prepared is null)
        {
            return refusal!;
        }

        var payCode = suppliedCode ?? await AllocateAsync(prepared.IssueDate);
        var result = await IssueNoticeAsync(prepared, payCode, allocated: suppliedCode is null);
        if (result.Succeeded)
        {
            S.OpenNotices[result.PayCode!] = prepared.IssueDate;
            await CommitAsync();
        }

        return result;
    }

    /// <summary>
    /// Validates every row first, allocates the codes, then issues the notices concurrently and
    /// records them all in one write of the unit: a 500-row school batch costs a couple of unit
    /// writes, not 500. Each row still stands or falls on its own.
    /// </summary>
    private async Task<BatchIssueReport> IssueBatchAsync(IReadOnlyList<NoticeDraft> rows)
    {
        if (rows.Count > MaxBatchRows)
        {
            return new BatchIssueReport([.. rows.Select(_ => new IssueResult(ResultCodes.MalformedField, Information: $"at most {MaxBatchRows} rows a batch"))]);
        }

        var results = new IssueResult?[rows.Count];
        var pending = new List<(int Row, PreparedNotice Notice, string PayCode)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (prepared, refusal) = await PrepareAsync(rows[i], suppliedCode: null);
            if (prepared is null)
            {
                results[i] = refusal;
                continue;
            }

            pending.Add((i, prepared, await AllocateAsync(prepared.IssueDate)));
        }

        var issued = await Task.WhenAll(pending.Select(async p =>
        {
            try
            {
                return await GrainFactory.GetGrain<IPaymentNoticeGrain>(p.PayCode).Issue(p.Notice.For(p.PayCode));
            }
            catch (Exception ex)
            {
                return new IssueResult(ResultCodes.GeneralFailure, Information: ex.Message);
            }
        }));
        for (var k = 0; k < pending.Count; k++)
        {
            var (row, prepared, payCode) = pending[k];
            // A taken code (an imported notice on our sequence) is retried one by one with fresh codes.
            results[row] = issued[k].ResultCode == ResultCodes.PayCodeAlreadyUsed
                ? await IssueNoticeAsync(prepared, await AllocateAsync(prepared.IssueDate), allocated: true)
                : issued[k];
            if (results[row]!.Succeeded)
            {
                S.OpenNotices[results[row]!.PayCode!] = prepared.IssueDate;
            }
        }

        if (results.Any(r => r!.Succeeded))
        {
            await CommitAsync();
        }

        return new BatchIssueReport([.. results.Select(r => r!)]);
    }

    /// <summary>The unit-level and item-level checks, and everything of the notice but its code.</summary>
    private async Task<(PreparedNotice? Notice, IssueResult? Refusal)> PrepareAsync(NoticeDraft draft, string? suppliedCode)
    {
        if (S.Profile is not { } profile)
        {
            return (null, new IssueResult(ResultCodes.UnknownUnit, suppliedCode, Information: UnitCode));
        }

        if (profile.Status != UnitStatus.Active)
        {
            return (null, new IssueResult(ResultCodes.UnitBlocked, suppliedCode, Information: "unit inactive"));
        }

        if (S.IsBlocked)
        {
            return (null, new IssueResult(ResultCodes.UnitBlocked, suppliedCode, Information: S.BlockReason));
        }

        var validation = await new NoticeValidation(GrainFactory).ValidateAsync(draft, S.Rights);
        if (validation.ResultCode != ResultCodes.Success)
        {
            return (null, new IssueResult(validation.ResultCode, suppliedCode, Information: validation.Information));
        }

        var bureau = GrainFactory.GetGrain<IBureauGrain>(profile.FinanceNode);
        var account = await bureau.GetFiscalAccount(profile.PayeeAccountNo);
        if (account is not { Active: true })
        {
            return (null, new IssueResult(ResultCodes.GeneralFailure, suppliedCode, Information: $"payee account {profile.PayeeAccountNo} unknown or closed"));
        }

        var calendar = await bureau.GetCalendar();
        var items = validation.Lines.Select(l => l.Item).ToList();
        var issueDate = ChinaTime.Today(clock);
        var dueDate = calendar.DueDate(issueDate, items.Max(i => i.PaymentPeriodDays));
        var payee = new Payee(account.AccountNo, account.Name, account.BankCode, account.BankName, account.AccountType);
        return (new PreparedNotice(profile, draft, [.. validation.Lines.Select(l => l.Line)], payee, issueDate, dueDate,
            dueDate.AddDays(items.Max(i => i.GraceDays)), items.Max(i => i.LateFeeDailyRate)), null);
    }

    /// <summary>Issues under <paramref name="payCode"/>; an allocated code found taken is replaced by the next one.</summary>
    private async Task<IssueResult> IssueNoticeAsync(PreparedNotice prepared, string payCode, bool allocated)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await GrainFactory.GetGrain<IPaymentNoticeGrain>(payCode).Issue(prepared.For(payCode));
            if (result.Succeeded || !allocated || result.ResultCode != ResultCodes.PayCodeAlreadyUsed)
            {
                return result;
            }

            if (attempt == AllocationAttempts)
            {
                return new IssueResult(ResultCodes.GeneralFailure, Information: "no free payment code");
            }

            payCode = await AllocateAsync(prepared.IssueDate);
        }
    }

    private async Task<string> AllocateAsync(DateOnly issueDate)
    {
        var profile = S.Profile!;
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
