using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// Remits one bank's cleared day. Central remittances (items whose rule says 2) are computed from
/// the day's revenue by item in one write; direct ones (rule says 1) a page of payments per write,
/// in payment-code order, with the watermark in the same write, so a crash resumes where it
/// stopped and never records a payment twice (the RemitNo is derived from the payment, and the
/// projection inserts a RemitNo once). Every instruction is recorded before it is handed to the
/// bank's link, which keeps RemitNo and MsgID for every retry and takes a RemitNo once. A reminder
/// ticks while the day waits, computes, or has 2618s outstanding; a refused 2618 and a missing one
/// past <see cref="RemittanceOptions.ResultDueAfter"/> raise alerts; finance may re-send a refused
/// one (<see cref="Resend"/>). When every 2618 succeeded the units are told their notices of the
/// day are remitted (which clears their un-remitted backlog).
/// </summary>
public sealed class RemittanceDayGrain(
    [PersistentState("remittance-day", StorageNames.Domain)] IPersistentState<RemittanceDayState> state,
    IRemittanceSource source,
    IOptions<RemittanceOptions> options,
    TimeProvider time,
    ILogger<RemittanceDayGrain> logger) : Grain, IRemittanceDayGrain, IRemindable
{
    private const string TickReminder = "remittance-day";
    private readonly Dictionary<string, RuleInForce> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _subjects = new(StringComparer.Ordinal);

    private RemittanceDayState S => state.State;

    private string BankNode => this.GetPrimaryKeyString().Split(':')[0];

    private DateOnly Day => DateOnly.ParseExact(this.GetPrimaryKeyString().Split(':')[1], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private IReadOnlyDictionary<int, TreasuryAccount> Treasuries => options.Value.Treasuries;

    public Task<RemittanceDayView> GetView() => Task.FromResult(View());

    public async Task<RemittanceDayView> Run()
    {
        if (S.Status == RemittanceDayStatus.Waiting)
        {
            await TryStartAsync();
        }

        if (S.Status == RemittanceDayStatus.Instructing)
        {
            await InstructDirectAsync();
        }

        await HandOverAsync();
        await HandOverResendsAsync();
        if (S.Status == RemittanceDayStatus.Instructed)
        {
            await CompleteIfAnsweredAsync();
            await AlertIfOverdueAsync();
        }

        if (S.Status == RemittanceDayStatus.Remitted && !S.UnitsTold)
        {
            await TellUnitsAsync();
        }

        await KeepReminderAsync();
        return View();
    }

    public async Task<(string Result, string Information)> RecordResult(RemittanceOutcome result, string senderNode, string msgId)
    {
        if (senderNode != BankNode)
        {
            return (ResultCodes.NotAllowed, $"{result.RemitNo} was not instructed to {senderNode}");
        }

        var instruction = await source.InstructionAsync(result.RemitNo);
        if (instruction is null || instruction.BankNode != BankNode || instruction.BusinessDay != Day)
        {
            return (ResultCodes.MalformedField, $"RemitNo: {result.RemitNo} was never instructed to {BankNode}");
        }

        if (instruction.RemitType != result.RemitType)
        {
            return (ResultCodes.MalformedField, $"RemitType: {result.RemitNo} was instructed as {instruction.RemitType}, not {result.RemitType}");
        }

        if (instruction.Amount != result.Amount)
        {
            return (ResultCodes.MalformedField, $"AllAmt: {result.RemitNo} was instructed for {instruction.Amount:0.00}, not {result.Amount:0.00}");
        }

        if (instruction.Status != "instructed")
        {
            return instruction.Result == result.Result
                ? (ResultCodes.Success, "result already recorded")
                : (ResultCodes.TraNoBusReused, $"a result {instruction.Result} was recorded for {result.RemitNo} before");
        }

        var now = time.GetUtcNow();
        S.Journal.Record(BusinessFact.Create(result.RemitNo, BankNode, now, new RemittanceResultRecorded(
            BankNode, Day, result.RemitNo, result.Result, result.RemitDate, Blank(result.TraNo), Blank(result.Information), msgId)));
        if (result.Succeeded)
        {
            S.Remitted++;
            var key = $"{BankNode}/{MsgNos.RemittanceResult}/{result.RemitNo}/1";
            S.Journal.Record(BusinessFact.Create(key, BankNode, now, new AccountMovementRecorded(
                BankNode, MsgNos.RemittanceResult, result.RemitNo, 1, instruction.PayAcct, result.RemitDate, MovementDirections.Out, instruction.Amount,
                MovementKinds.Remittance, instruction.TreCode, result.RemitNo, instruction.PayCode, Day, msgId)));
        }
        else
        {
            S.Failed++;
            S.Journal.Record(new AlertRaised("remittance.failed", BankNode,
                $"{BankNode} refused remittance {result.RemitNo} of {Day:yyyy-MM-dd} ({instruction.Amount:0.00} to {instruction.TreCode})",
                $"bank result {result.Result}: {result.Information}", AlertSeverity.Critical).ToFact($"remittance.failed:{result.RemitNo}", now));
        }

        if (S.Status == RemittanceDayStatus.Instructed && S.Remitted + S.Failed >= S.Instructions)
        {
            S.Status = S.Failed == 0 ? RemittanceDayStatus.Remitted : RemittanceDayStatus.Failed;
        }

        RecordDay(now);
        await state.CommitAsync(DeactivateOnIdle);
        if (S.Status == RemittanceDayStatus.Remitted && !S.UnitsTold)
        {
            await TellUnitsAsync();
        }

        await KeepReminderAsync();
        return (ResultCodes.Success, result.Succeeded ? "remittance result recorded" : "remittance failure recorded and alerted");
    }

    public async Task<RemittanceResendOutcome> Resend(string remitNo, string operatorName)
    {
        var refused = await source.InstructionAsync(remitNo);
        if (refused is null || refused.BankNode != BankNode || refused.BusinessDay != Day)
        {
            return RemittanceResendOutcome.Refused(remitNo, $"{remitNo} is not a remittance of {BankNode} {Day:yyyy-MM-dd}");
        }

        if (refused.Status == "resent")
        {
            return new RemittanceResendOutcome(true, remitNo, refused.ResentAs, null, AlreadyResent: true);
        }

        if (refused.Status != "failed")
        {
            return RemittanceResendOutcome.Refused(remitNo, $"{remitNo} is {refused.Status}; only a remittance the bank refused can be re-sent");
        }

        if (await FreeRemitNoAsync(refused) is not { } resentAs)
        {
            return RemittanceResendOutcome.Refused(remitNo, $"no RemitNo of the same kind is free for a re-send of {remitNo}");
        }

        var now = time.GetUtcNow();
        S.Journal.Record(BusinessFact.Create(resentAs, BankNode, now, new RemittanceInstructed(
            BankNode, Day, resentAs, refused.RemitType, refused.PayAcct, refused.TreCode, refused.TreName, refused.BudgetLevel, refused.Amount, refused.PayCode,
            [.. refused.Lines.Select(l => new RemittanceInstructed.Line(l.LineNo, l.ItemCode, l.BudgetSubject, l.FundType, l.Amount, l.PayCode, l.RuleVersion))])));
        S.Journal.Record(BusinessFact.Create(remitNo, BankNode, now, new RemittanceResent(BankNode, Day, remitNo, resentAs, refused.Result ?? "", operatorName)));
        S.Failed = Math.Max(0, S.Failed - 1);
        S.Resends++;
        S.ResendsToHandOver.Add(resentAs);
        if (S.Status == RemittanceDayStatus.Failed)
        {
            S.Status = RemittanceDayStatus.Instructed;
        }

        RecordDay(now);
        await state.CommitAsync(DeactivateOnIdle);
        logger.LogInformation("Remittance {RemitNo} of {Bank} {Day} refused with {Result} re-sent as {ResentAs} by {Operator}",
            remitNo, BankNode, Day, refused.Result, resentAs, operatorName);
        try
        {
            await HandOverResendsAsync();
        }
        catch (Exception ex)
        {
            // Recorded: the day's next tick hands it over.
            logger.LogWarning(ex, "Re-sent remittance {ResentAs} not yet handed to the bank's link", resentAs);
        }

        await KeepReminderAsync();
        return new RemittanceResendOutcome(true, remitNo, resentAs, null);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == TickReminder ? Run() : Task.CompletedTask;

    private async Task TryStartAsync()
    {
        var clearing = await source.ClearingStatusAsync(BankNode, Day);
        if (clearing is not ("cleared" or "nothing"))
        {
            await WaitAsync($"clearing is {clearing ?? "not done"}", null);
            return;
        }

        var revenue = await source.RevenueAsync(BankNode, Day);
        if (!await RulesReadyAsync(revenue.Rows.Select(r => r.ItemCode)))
        {
            return;
        }

        var central = revenue.Rows.Where(r => _rules[r.ItemCode].Rule.RemitMode == ClearingRule.CentralRemittance)
            .Select(r => (r.PayeeAcct, r.ItemCode, r.Amount));
        var drafts = RemittanceComputation.Drafts(central, _rules, Treasuries, _subjects, null);
        var now = time.GetUtcNow();
        for (var i = 0; i < drafts.Count; i++)
        {
            Instruct(IRemittanceDayGrain.CentralRemitNo(BankNode, Day, i + 1), RemittanceInstruction.Central, drafts[i], null, now);
        }

        S.Status = RemittanceDayStatus.Instructing;
        S.InstructedAt = now;
        S.WaitingFor = null;
        RecordDay(now);
        await state.CommitAsync(DeactivateOnIdle);
        logger.LogInformation("Remittance {Bank} {Day}: {Count} central instructions", BankNode, Day, drafts.Count);
    }

    private async Task InstructDirectAsync()
    {
        while (true)
        {
            var rows = await source.PaymentsAsync(BankNode, Day, S.DirectThrough, options.Value.PageSize);
            var now = time.GetUtcNow();
            if (rows.Count == 0)
            {
                S.Status = S.Instructions == 0 ? RemittanceDayStatus.Nothing : RemittanceDayStatus.Instructed;
                RecordDay(now);
                await state.CommitAsync(DeactivateOnIdle);
                return;
            }

            if (!await RulesReadyAsync(rows.Select(r => r.ItemCode)))
            {
                return;
            }

            foreach (var payment in rows.GroupBy(r => r.PayCode))
            {
                var direct = payment.Where(r => _rules[r.ItemCode].Rule.RemitMode == ClearingRule.DirectRemittance)
                    .Select(r => (r.PayeeAcct, r.ItemCode, r.Amount));
                var drafts = RemittanceComputation.Drafts(direct, _rules, Treasuries, _subjects, payment.Key);
                if (drafts.Count > 9)
                {
                    throw new InvalidOperationException($"Payment {payment.Key} would need {drafts.Count} direct remittances; a RemitNo numbers at most 9.");
                }

                for (var i = 0; i < drafts.Count; i++)
                {
                    Instruct(IRemittanceDayGrain.DirectRemitNo(Day, payment.Key, i + 1), RemittanceInstruction.Direct, drafts[i], payment.Key, now);
                }
            }

            S.DirectThrough = rows[^1].PayCode;
            RecordDay(now);
            await state.CommitAsync(DeactivateOnIdle);
            await HandOverAsync();
        }
    }

    private void Instruct(string remitNo, int remitType, RemittanceDraft draft, string? payCode, DateTimeOffset now)
    {
        S.Instructions++;
        S.Amount += draft.Amount;
        S.Journal.Record(BusinessFact.Create(remitNo, BankNode, now, new RemittanceInstructed(
            BankNode, Day, remitNo, remitType, draft.PayAcct, draft.TreCode, draft.TreName, draft.BudgetLevel, draft.Amount, payCode,
            [.. draft.Lines.Select(l => new RemittanceInstructed.Line(l.LineNo, l.ItemCode, l.BudgetSubject, l.FundType, l.Amount, l.PayCode, l.RuleVersion))])));
    }

    /// <summary>Loads the rules and budget subjects of the items (cached for the activation); waits with an alert when one is missing.</summary>
    private async Task<bool> RulesReadyAsync(IEnumerable<string> items)
    {
        foreach (var item in items.Distinct(StringComparer.Ordinal).Where(i => !_rules.ContainsKey(i)))
        {
            var rule = await source.RuleOnAsync(item, Day);
            if (rule is null)
            {
                await WaitAsync($"item {item} has no clearing rule in force on {Day:yyyy-MM-dd}",
                    new AlertRaised("remittance.no-rule", item, $"remittance of {BankNode} {Day:yyyy-MM-dd} held: item {item} has no clearing rule",
                        "approve a clearing rule for the item starting on or before that day", AlertSeverity.Warning));
                return false;
            }

            _rules[item] = rule;
            _subjects[item] = (await GrainFactory.GetGrain<IIncomeItemGrain>(item).Get())?.BudgetSubject ?? item;
        }

        var missing = RemittanceComputation.MissingTreasuries(_rules.Values, Treasuries);
        if (missing.Count > 0)
        {
            var levels = string.Join(", ", missing);
            await WaitAsync($"no treasury configured for budget level {levels}",
                new AlertRaised("remittance.no-treasury", BankNode, $"remittance of {BankNode} {Day:yyyy-MM-dd} held: no treasury for budget level {levels}",
                    "configure Remittance:Treasuries:{level}:Code and :Name", AlertSeverity.Critical));
            return false;
        }

        return true;
    }

    private async Task WaitAsync(string reason, AlertRaised? alert)
    {
        if (S.WaitingFor == reason)
        {
            return;
        }

        S.WaitingFor = reason;
        var now = time.GetUtcNow();
        if (alert is not null)
        {
            // The key names the day and the reason, so each tick re-raises nothing.
            S.Journal.Record(alert.ToFact($"{alert.AlertKind}:{BankNode}:{Day:yyyy-MM-dd}:{alert.Subject}", now));
        }

        RecordDay(now);
        await state.CommitAsync(DeactivateOnIdle);
    }

    /// <summary>Enqueues the recorded instructions after the watermark, a page at a time, moving the watermark after each page.</summary>
    private async Task HandOverAsync()
    {
        if (S.Status is RemittanceDayStatus.Waiting or RemittanceDayStatus.Nothing)
        {
            return;
        }

        var link = GrainFactory.GetGrain<IBankLinkGrain>(BankNode);
        while (true)
        {
            var page = await source.InstructionsAsync(BankNode, Day, S.HandedOverThrough, options.Value.PageSize);
            if (page.Count == 0)
            {
                return;
            }

            foreach (var r in page)
            {
                await link.Enqueue(Outbound(r, S.InstructedAt ?? time.GetUtcNow()));
            }

            S.HandedOverThrough = page[^1].RemitNo;
            await state.CommitAsync(DeactivateOnIdle);
        }
    }

    /// <summary>
    /// The next RemitNo of the same scheme nobody used yet: central, the day's next free two-digit
    /// number; direct, the payment's next free digit.
    /// </summary>
    private async Task<string?> FreeRemitNoAsync(RemittanceRecord refused)
    {
        var (last, candidate) = refused.RemitType == RemittanceInstruction.Direct && refused.PayCode is { } payCode
            ? (9, (Func<int, string>)(n => IRemittanceDayGrain.DirectRemitNo(Day, payCode, n)))
            : (99, n => IRemittanceDayGrain.CentralRemitNo(BankNode, Day, n));
        for (var n = 1; n <= last; n++)
        {
            var remitNo = candidate(n);
            if (await source.InstructionAsync(remitNo) is null)
            {
                return remitNo;
            }
        }

        return null;
    }

    /// <summary>Hands the recorded re-sends to the bank's link (idempotent on RemitNo) and forgets them.</summary>
    private async Task HandOverResendsAsync()
    {
        if (S.ResendsToHandOver.Count == 0)
        {
            return;
        }

        var link = GrainFactory.GetGrain<IBankLinkGrain>(BankNode);
        foreach (var remitNo in S.ResendsToHandOver.Order(StringComparer.Ordinal).ToList())
        {
            if (await source.InstructionAsync(remitNo) is { } r)
            {
                await link.Enqueue(Outbound(r, time.GetUtcNow()));
            }

            S.ResendsToHandOver.Remove(remitNo);
        }

        await state.CommitAsync(DeactivateOnIdle);
    }

    private OutboundInstruction Outbound(RemittanceRecord r, DateTimeOffset at)
    {
        var voucher = new RemittanceInstruction(r.RemitNo, r.RemitType, Day, BankCodeOf(BankNode), r.PayAcct, r.TreCode, r.BudgetLevel,
            r.Lines.Count, r.Amount,
            [.. r.Lines.Select(l => new RemittanceInstruction.Detail(l.LineNo, l.ItemCode, l.BudgetSubject, l.FundType, l.Amount, l.PayCode ?? ""))],
            r.TreName);
        return OutboundInstruction.Of(r.RemitNo, MsgNos.RemittanceInstruction, r.RemitNo, voucher, at);
    }

    /// <summary>2618s may all have come while direct remittances were still being computed.</summary>
    private async Task CompleteIfAnsweredAsync()
    {
        if (S.Remitted + S.Failed < S.Instructions)
        {
            return;
        }

        S.Status = S.Failed == 0 ? RemittanceDayStatus.Remitted : RemittanceDayStatus.Failed;
        RecordDay(time.GetUtcNow());
        await state.CommitAsync(DeactivateOnIdle);
    }

    private async Task AlertIfOverdueAsync()
    {
        var now = time.GetUtcNow();
        if (S.Status != RemittanceDayStatus.Instructed || S.OverdueAlerted || S.InstructedAt is not { } at || now - at < options.Value.ResultDueAfter)
        {
            return;
        }

        S.OverdueAlerted = true;
        var outstanding = S.Instructions - S.Remitted - S.Failed;
        S.Journal.Record(new AlertRaised("remittance.result-overdue", BankNode,
            $"{outstanding} of {S.Instructions} remittances of {BankNode} {Day:yyyy-MM-dd} have no 2618",
            $"instructed {at:u}; check the bank link and ask the bank", AlertSeverity.Critical).ToFact($"remittance.result-overdue:{BankNode}:{Day:yyyy-MM-dd}", now));
        await state.CommitAsync(DeactivateOnIdle);
    }

    /// <summary>Every remittance of the day succeeded: its paid notices are remitted. Told per unit, a page of payments at a time.</summary>
    private async Task TellUnitsAsync()
    {
        while (true)
        {
            var rows = await source.PaymentsAsync(BankNode, Day, S.UnitsToldThrough, options.Value.PageSize);
            if (rows.Count == 0)
            {
                S.UnitsTold = true;
                await state.CommitAsync(DeactivateOnIdle);
                return;
            }

            foreach (var unit in rows.GroupBy(r => r.UnitCode))
            {
                await GrainFactory.GetGrain<ICollectingUnitGrain>(unit.Key).MarkRemitted([.. unit.Select(r => r.PayCode).Distinct()]);
            }

            S.UnitsToldThrough = rows[^1].PayCode;
            await state.CommitAsync(DeactivateOnIdle);
        }
    }

    private void RecordDay(DateTimeOffset now)
    {
        S.Version++;
        S.Journal.Record(BusinessFact.Create($"remittance-day:{BankNode}:{Day:yyyyMMdd}:{S.Version}", BankNode, now, new RemittanceDayChanged(
            BankNode, Day, StatusText(S.Status), S.Instructions, S.Amount, S.Remitted, S.Failed, S.WaitingFor, S.Version)));
    }

    private async Task KeepReminderAsync()
    {
        var wanted = S.Status is RemittanceDayStatus.Waiting or RemittanceDayStatus.Instructing or RemittanceDayStatus.Instructed
            || (S.Status == RemittanceDayStatus.Remitted && !S.UnitsTold);
        var existing = await this.GetReminder(TickReminder);
        if (wanted && existing is null)
        {
            var period = options.Value.Period;
            await this.RegisterOrUpdateReminder(TickReminder, period, period);
        }
        else if (!wanted && existing is not null)
        {
            await this.UnregisterReminder(existing);
        }
    }

    private RemittanceDayView View() => new(S.Status, S.Instructions, S.Amount, S.Remitted, S.Failed, S.WaitingFor);

    /// <summary>The status as <c>remittance_days.status</c> spells it.</summary>
    public static string StatusText(RemittanceDayStatus status) => status switch
    {
        RemittanceDayStatus.Waiting => "waiting",
        RemittanceDayStatus.Instructing => "instructing",
        RemittanceDayStatus.Instructed => "instructed",
        RemittanceDayStatus.Remitted => "remitted",
        RemittanceDayStatus.Failed => "failed",
        _ => "nothing",
    };

    /// <summary>A bank node is D/Q + region (6) + the bank's code (4).</summary>
    private static string BankCodeOf(string bankNode) => bankNode.Length >= 4 ? bankNode[^4..] : bankNode;

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
