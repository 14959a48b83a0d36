using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// Clears one bank's reconciled day. The instruction is computed once (from SQL: the day's
/// confirmed revenue by item, the rules in force that day), recorded with its rows in one write
/// together with the outbox mark, and only then handed to the bank's link; the link keeps the
/// ClearNo and MsgID for every retry and is idempotent on the ClearNo, so a crash between the
/// write and the hand-over, or a reminder that ticks twice, sends it once. A reminder ticks while
/// the day waits (not reconciled, an item without a rule) or its 2614 is outstanding.
/// </summary>
public sealed class ClearingDayGrain(
    [PersistentState("clearing-day", StorageNames.Domain)] IPersistentState<ClearingDayState> state,
    IClearingSource source,
    IOptions<ClearingOptions> options,
    TimeProvider time,
    ILogger<ClearingDayGrain> logger) : Grain, IClearingDayGrain, IRemindable
{
    private const string TickReminder = "clearing-day";
    private ClearingDayState S => state.State;

    private string BankNode => this.GetPrimaryKeyString().Split(':')[0];

    private DateOnly Day => DateOnly.ParseExact(this.GetPrimaryKeyString().Split(':')[1], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private string ClearNo => IClearingDayGrain.ClearNoOf(BankNode, Day);

    public Task<ClearingDayView> GetView() => Task.FromResult(View());

    public async Task<ClearingDayView> Run()
    {
        switch (S.Status)
        {
            case ClearingDayStatus.Waiting:
                await TryInstructAsync();
                break;
            case ClearingDayStatus.Instructed:
                await AlertIfOverdueAsync();
                break;
        }

        await HandOverAsync();
        await KeepReminderAsync();
        return View();
    }

    public async Task<(string Result, string Information)> RecordResult(ClearingOutcome result, string senderNode, string msgId)
    {
        if (senderNode != BankNode)
        {
            return (ResultCodes.NotAllowed, $"{result.ClearNo} was instructed to {BankNode}");
        }

        if (S.Status is ClearingDayStatus.Waiting or ClearingDayStatus.Nothing)
        {
            return (ResultCodes.MalformedField, $"ClearNo: {result.ClearNo} was never instructed");
        }

        if (S.Status is ClearingDayStatus.Cleared or ClearingDayStatus.Failed)
        {
            return S.Result == result.Result
                ? (ResultCodes.Success, "result already recorded")
                : (ResultCodes.TraNoBusReused, $"a result {S.Result} was recorded for {result.ClearNo} before");
        }

        var lines = S.Lines.ToDictionary(l => (long)l.LineNo);
        foreach (var row in result.Rows)
        {
            if (!lines.TryGetValue(row.LineNo, out var line))
            {
                return (ResultCodes.MalformedField, $"Details/Detail/LineNo: {result.ClearNo} has no row {row.LineNo}");
            }

            if (line.Amount != row.Amt)
            {
                return (ResultCodes.MalformedField, $"Details/Detail/Amt: row {row.LineNo} was instructed for {line.Amount:0.00}, not {row.Amt:0.00}");
            }
        }

        if (result.Succeeded && result.Rows.Count != S.Lines.Count)
        {
            return (ResultCodes.MalformedField, $"Details/Detail: a successful result names all {S.Lines.Count} rows");
        }

        var now = time.GetUtcNow();
        S.Status = result.Succeeded ? ClearingDayStatus.Cleared : ClearingDayStatus.Failed;
        S.Result = result.Result;
        S.Journal.Record(BusinessFact.Create(ClearNo, BankNode, now, new ClearingResultRecorded(
            BankNode, Day, ClearNo, result.Result, result.ExecDate, Blank(result.Information),
            [.. result.Rows.Select(d => new ClearingResultRecorded.Line((int)d.LineNo, d.Result, Blank(d.TraNo)))])));
        foreach (var row in result.Rows.Where(d => d.Result == ResultCodes.Success))
        {
            var line = lines[row.LineNo];
            var key = $"{BankNode}/{MsgNos.ClearingResult}/{ClearNo}/{line.LineNo}";
            S.Journal.Record(BusinessFact.Create(key, BankNode, now, new AccountMovementRecorded(
                BankNode, MsgNos.ClearingResult, ClearNo, line.LineNo, line.PayAcct, result.ExecDate, MovementDirections.Out, line.Amount,
                MovementKinds.Clearing, line.RecAcct, ClearNo, null, null, msgId)));
        }

        if (!result.Succeeded)
        {
            S.Journal.Record(new AlertRaised("clearing.failed", BankNode,
                $"{BankNode} refused clearing {ClearNo} of {Day:yyyy-MM-dd} ({S.Amount:0.00} in {S.Lines.Count} rows)",
                $"bank result {result.Result}: {result.Information}", AlertSeverity.Critical).ToFact($"clearing.failed:{ClearNo}", now));
        }

        await state.CommitAsync(DeactivateOnIdle);
        await KeepReminderAsync();
        return (ResultCodes.Success, result.Succeeded ? "clearing result recorded" : "clearing failure recorded and alerted");
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == TickReminder ? Run() : Task.CompletedTask;

    private async Task TryInstructAsync()
    {
        var reconciliation = await source.ReconciliationStatusAsync(BankNode, Day);
        if (reconciliation is not ("matched" or "resolved"))
        {
            await WaitAsync($"reconciliation is {reconciliation ?? "not started"}", null);
            return;
        }

        var revenue = await source.RevenueAsync(BankNode, Day);
        var counted = revenue.Rows.Sum(r => r.Amount);
        if (counted != revenue.ConfirmedTotal)
        {
            await WaitAsync($"revenue by item {counted:0.00} differs from the confirmations {revenue.ConfirmedTotal:0.00}",
                new AlertRaised("clearing.revenue-mismatch", BankNode, $"clearing of {BankNode} {Day:yyyy-MM-dd} held: revenue by item does not add up",
                    $"by item {counted:0.00}, confirmed {revenue.ConfirmedTotal:0.00}", AlertSeverity.Critical));
            return;
        }

        var rules = new Dictionary<string, RuleInForce>(StringComparer.Ordinal);
        foreach (var item in revenue.Rows.Select(r => r.ItemCode).Distinct(StringComparer.Ordinal))
        {
            var rule = await source.RuleOnAsync(item, Day);
            if (rule is null)
            {
                await WaitAsync($"item {item} has no clearing rule in force on {Day:yyyy-MM-dd}",
                    new AlertRaised("clearing.no-rule", item, $"clearing of {BankNode} {Day:yyyy-MM-dd} held: item {item} has no clearing rule",
                        "approve a clearing rule for the item starting on or before that day", AlertSeverity.Warning));
                return;
            }

            rules[item] = rule;
        }

        var lines = ClearingComputation.Lines(revenue.Rows, rules);
        var now = time.GetUtcNow();
        S.Lines = [.. lines];
        S.Amount = lines.Sum(l => l.Amount);
        S.Status = lines.Count == 0 ? ClearingDayStatus.Nothing : ClearingDayStatus.Instructed;
        S.InstructedAt = now;
        S.WaitingFor = null;
        S.HandedOver = lines.Count == 0;
        S.Journal.Record(BusinessFact.Create(ClearNo, BankNode, now, new ClearingInstructed(BankNode, Day, ClearNo, S.Amount,
            [.. lines.Select(l => new ClearingInstructed.Line(l.LineNo, l.PayAcct, l.RecAcct, l.RecAcctName, l.ItemCode, l.FundType, l.BudgetLevel, l.Amount, l.RuleVersion))])));
        await state.CommitAsync(DeactivateOnIdle);
        logger.LogInformation("Clearing {ClearNo}: {Lines} rows, {Amount}", ClearNo, lines.Count, S.Amount);
    }

    private async Task WaitAsync(string reason, AlertRaised? alert)
    {
        if (S.WaitingFor == reason)
        {
            return;
        }

        S.WaitingFor = reason;
        if (alert is not null)
        {
            // The key names the day and the reason, so each tick re-raises nothing.
            S.Journal.Record(alert.ToFact($"{alert.AlertKind}:{BankNode}:{Day:yyyy-MM-dd}:{alert.Subject}", time.GetUtcNow()));
        }

        await state.CommitAsync(DeactivateOnIdle);
    }

    private async Task HandOverAsync()
    {
        if (S.HandedOver || S.Status != ClearingDayStatus.Instructed)
        {
            return;
        }

        var voucher = new ClearingInstruction(ClearNo, Day, BankCodeOf(BankNode), S.Lines.Count, S.Amount,
            [.. S.Lines.Select(l => new ClearingInstruction.Detail(l.LineNo, l.PayAcct, l.RecAcct, l.RecAcctName, l.ItemCode, l.FundType, l.BudgetLevel, l.Amount, l.RecBankNo))]);
        await GrainFactory.GetGrain<IBankLinkGrain>(BankNode)
            .Enqueue(OutboundInstruction.Of(ClearNo, MsgNos.ClearingInstruction, ClearNo, voucher, S.InstructedAt ?? time.GetUtcNow()));
        S.HandedOver = true;
        await state.CommitAsync(DeactivateOnIdle);
    }

    private async Task AlertIfOverdueAsync()
    {
        var now = time.GetUtcNow();
        if (S.OverdueAlerted || S.InstructedAt is not { } at || now - at < options.Value.ResultDueAfter)
        {
            return;
        }

        S.OverdueAlerted = true;
        S.Journal.Record(new AlertRaised("clearing.result-overdue", BankNode,
            $"no 2614 from {BankNode} for clearing {ClearNo} of {Day:yyyy-MM-dd} ({S.Amount:0.00})",
            $"instructed {at:u}; check the bank link and ask the bank", AlertSeverity.Critical).ToFact($"clearing.result-overdue:{ClearNo}", now));
        await state.CommitAsync(DeactivateOnIdle);
    }

    private async Task KeepReminderAsync()
    {
        var wanted = S.Status is ClearingDayStatus.Waiting or ClearingDayStatus.Instructed;
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

    private ClearingDayView View() => new(S.Status, ClearNo, S.Amount, S.Lines.Count, S.WaitingFor, S.Result);

    /// <summary>A bank node is D/Q + region (6) + the bank's code (4).</summary>
    private static string BankCodeOf(string bankNode) => bankNode.Length >= 4 ? bankNode[^4..] : bankNode;

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
