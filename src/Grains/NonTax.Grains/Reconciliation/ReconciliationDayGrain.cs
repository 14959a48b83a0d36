using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using NonTax.Protocol.Vouchers.Reconciliation;

namespace NonTax.Grains.Reconciliation;

/// <summary>
/// One bank's reconciliation day; see <see cref="IReconciliationDayGrain"/> and
/// docs/architecture.md, "Reconciliation". Each comparison is one run: the store compares inside
/// PostgreSQL and writes the run's differences, then the run's figures, the day's new status and
/// the "result to send" mark commit as one state write with their fact; the result messages are
/// handed to the bank's link after that commit and the mark cleared (a crash in between re-sends
/// the same instruction ids, which the link takes once).
/// </summary>
public sealed class ReconciliationDayGrain(
    [PersistentState("reconciliation", StorageNames.Domain)] IPersistentState<ReconciliationDayState> state,
    IReconciliationStore store,
    IBankAccountStore accounts,
    TimeProvider clock,
    IOptions<ReconciliationOptions> options,
    ILogger<ReconciliationDayGrain> logger) : Grain, IReconciliationDayGrain, IRemindable
{
    private const string ResultReminder = "result";
    private const string EdgeTrigger = "edge";

    private ReconciliationDayState S => state.State;
    private ReconciliationDay Day => ReconciliationDay.Parse(this.GetPrimaryKeyString());

    public async Task Prompt()
    {
        try
        {
            await Process();
        }
        catch (Exception ex)
        {
            // The pending row stays; the sweeper prompts again after its grace.
            logger.LogWarning(ex, "Reconciliation of {Day} could not process its stored files", Day);
        }
    }

    public async Task<ReconciliationDayView> Process()
    {
        await CompareStoredFilesAsync(EdgeTrigger, onlyNew: true);
        await DeliverResultsAsync();
        return View();
    }

    public async Task<ReconciliationDayView> Rerun(string operatorName)
    {
        await CompareStoredFilesAsync(operatorName, onlyNew: false);
        await DeliverResultsAsync();
        return View();
    }

    public Task<ReconciliationDayView> Get() => Task.FromResult(View());

    public async Task<ResolveOutcome> Resolve(long differenceId, string resolution, string note, string operatorName)
    {
        var day = Day;
        var difference = await store.FindDifferenceAsync(day, differenceId);
        if (difference is null || !S.Files.TryGetValue(difference.MsgNo, out var file))
        {
            return ResolveOutcome.Unknown;
        }

        if (difference.Status == "resolved")
        {
            return ResolveOutcome.AlreadyResolved;
        }

        if (difference.Status == "cleared" || difference.LastRun != file.Run)
        {
            return ResolveOutcome.Cleared;
        }

        file.OpenDifferences = Math.Max(0, file.OpenDifferences - 1);
        file.ResolvedDifferences++;
        var now = clock.GetUtcNow();
        S.Version++;
        S.Status = DayStatus();
        S.Journal.Record(BusinessFact.Create($"{day.Key}:{differenceId}:{S.Version}", day.BankNode, now, new ReconciliationDifferenceResolved
        {
            Day = Figures(),
            MsgNo = difference.MsgNo,
            DifferenceId = differenceId,
            Resolution = resolution,
            Note = note,
            Operator = operatorName,
            FileStatus = file.Status,
            FileOpenDifferences = file.OpenDifferences,
        }));
        await CommitAsync();
        return ResolveOutcome.Resolved;
    }

    public async Task<bool> CheckCutOff()
    {
        if (S.Files.ContainsKey(MsgNos.TransactionReconciliation))
        {
            return false;
        }

        var stored = await store.ReadFilesAsync(Day);
        if (stored.Any(f => f.MsgNo == MsgNos.TransactionReconciliation))
        {
            // It came after all; the prompt may still be on its way.
            await Process();
            return false;
        }

        if (S.FileMissingAlerted)
        {
            return true;
        }

        S.FileMissingAlerted = true;
        var now = clock.GetUtcNow();
        OpenIfNew(now);
        S.Version++;
        S.Status = DayStatus();
        S.Journal.Record(BusinessFact.Create($"{Day.Key}:cutoff", Day.BankNode, now, new ReconciliationOpened { Day = Figures(), Reason = "cutoff" }));
        var day = ChinaTime.ToYyyyMmDd(Day.BusinessDay);
        S.Journal.Record(new AlertRaised(
            "reconciliation.missing-file", Day.BankNode, $"{Day.BankNode} 未按时发送 {day} 交易对账文件 2555 / 2555 of {day} has not come",
            $"cut-off {options.Value.CutOff:HH:mm} China time passed", AlertSeverity.Warning)
            .ToFact($"reconciliation.missing-file:{Day.BankNode}:{day}", now));
        await CommitAsync();
        logger.LogWarning("Reconciliation file 2555 of {Day} has not come by the cut-off", Day);
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ResultReminder ? DeliverResultsAsync() : Task.CompletedTask;

    private async Task CompareStoredFilesAsync(string trigger, bool onlyNew)
    {
        var day = Day;
        var stored = await store.ReadFilesAsync(day);
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var file in stored)
        {
            if (!S.Files.TryGetValue(file.MsgNo, out var kept))
            {
                kept = new ReconciliationFileState();
                S.Files[file.MsgNo] = kept;
            }

            if (kept.BatchCount != file.BatchCount || kept.BatchesReceived != file.BatchesReceived || kept.BankCode != file.BankCode)
            {
                kept.BatchCount = file.BatchCount;
                kept.BatchesReceived = file.BatchesReceived;
                kept.BankCode = file.BankCode;
                changed = true;
            }

            if (OpenIfNew(now))
            {
                S.Version++;
                S.Status = DayStatus();
                S.Journal.Record(BusinessFact.Create($"{day.Key}:file", day.BankNode, now, new ReconciliationOpened { Day = Figures(), Reason = "file" }));
            }
        }

        if (changed || !S.Journal.IsEmpty)
        {
            await CommitAsync();
        }

        var comparedThrough = 0L;
        var supervisedCompared = false;
        // 2581 first: which accounts it names decides which ones the 2556 comparison covers, so a
        // newly compared 2581 makes the day's 2556 compare again.
        foreach (var file in stored.Where(f => f.IsComplete).OrderBy(f => f.MsgNo == MsgNos.SupervisedAccountStatement ? 0 : 1))
        {
            var kept = S.Files[file.MsgNo];
            if (!onlyNew || file.LastSeq > kept.ComparedSeq
                || (supervisedCompared && file.MsgNo == MsgNos.AccountReconciliation))
            {
                await CompareAsync(file, kept, trigger);
                supervisedCompared |= file.MsgNo == MsgNos.SupervisedAccountStatement;
            }

            comparedThrough = Math.Max(comparedThrough, kept.ComparedSeq);
        }

        if (comparedThrough > 0 && stored.All(f => !f.IsComplete || S.Files[f.MsgNo].ComparedSeq >= f.LastSeq))
        {
            await store.ClearPendingAsync(day, comparedThrough);
        }
    }

    private async Task CompareAsync(StoredFile file, ReconciliationFileState kept, string trigger)
    {
        var day = Day;
        // A run the store wrote but this grain did not commit (a crash in between) is repeated
        // under the same number, which the store treats as the same run.
        var run = kept.Run + 1;
        var summary = await store.CompareAsync(day, file.MsgNo, run);
        kept.Run = run;
        kept.ComparedSeq = file.LastSeq;
        kept.ComparedMsgId = file.LastMsgId;
        kept.Last = summary;
        kept.OpenDifferences = summary.OpenDifferences;
        kept.ResolvedDifferences = summary.Differences - summary.OpenDifferences;
        kept.HadDifferences |= summary.Differences > 0 || summary.Cleared > 0;
        kept.ResultRunPending = run;
        var now = clock.GetUtcNow();
        var hadOpen = S.Status == ReconciliationStatus.Differences;
        S.Version++;
        S.Status = DayStatus();
        if (S.Status == ReconciliationStatus.Differences && !hadOpen)
        {
            // One alert per episode of open differences; a re-run or a tick finding the same ones raises nothing new.
            S.DifferenceEpisodes++;
            var chkDate = ChinaTime.ToYyyyMmDd(day.BusinessDay);
            S.Journal.Record(new AlertRaised(
                "reconciliation.differences", day.BankNode,
                $"{day.BankNode} {chkDate} 对账不符 {summary.OpenDifferences} 笔 / {summary.OpenDifferences} reconciliation differences in {file.MsgNo} of {chkDate}",
                $"run {run}: {summary.MatchedCount} matched, {summary.Differences} differences", AlertSeverity.Warning)
                .ToFact($"reconciliation.differences:{day.BankNode}:{chkDate}:{S.DifferenceEpisodes}", now));
        }

        S.Journal.Record(BusinessFact.Create($"{day.Key}:{file.MsgNo}:{run}", day.BankNode, now, new ReconciliationCompared
        {
            Day = Figures(),
            MsgNo = file.MsgNo,
            Run = run,
            FileStatus = kept.Status,
            BatchCount = file.BatchCount,
            BankCount = summary.BankCount,
            BankAmount = summary.BankAmount,
            FinanceCount = summary.FinanceCount,
            FinanceAmount = summary.FinanceAmount,
            MatchedCount = summary.MatchedCount,
            MatchedAmount = summary.MatchedAmount,
            Differences = summary.Differences,
            FileOpenDifferences = summary.OpenDifferences,
            Cleared = summary.Cleared,
            Trigger = trigger,
        }));
        await CommitAsync();
        logger.LogInformation("Reconciliation {Day} {MsgNo} run {Run}: {Matched} matched, {Differences} differences ({Open} open), {Cleared} cleared",
            day, file.MsgNo, run, summary.MatchedCount, summary.Differences, summary.OpenDifferences, summary.Cleared);
        if (file.MsgNo is MsgNos.AccountReconciliation or MsgNos.SupervisedAccountStatement)
        {
            await CloseAccountDaysAsync(file.MsgNo);
        }
    }

    /// <summary>
    /// Tells each account the file covers to close its day. An account that cannot be reached now
    /// closes it on its next close (the next comparison, or staff's), since it reads every day not
    /// closed at its last run.
    /// </summary>
    private async Task CloseAccountDaysAsync(string msgNo)
    {
        var day = Day;
        var after = "";
        while (true)
        {
            var page = await accounts.ReadFileAccountsAsync(day.BankNode, day.BusinessDay, msgNo, after, 500);
            foreach (var account in page)
            {
                try
                {
                    await GrainFactory.GetGrain<IBankAccountGrain>(account).Close();
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Account {Account} did not close its day {Day}; it will on its next close", account, day);
                }
            }

            if (page.Count < 500)
            {
                return;
            }

            after = page[^1];
        }
    }

    /// <summary>Hands every pending result to the bank's link; on failure a reminder tries again.</summary>
    private async Task DeliverResultsAsync()
    {
        var pending = S.Files.Where(f => f.Value.ResultRunPending > 0).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var (msgNo, file) in pending)
            {
                foreach (var instruction in await BuildResultAsync(msgNo, file))
                {
                    await GrainFactory.GetGrain<IBankLinkGrain>(Day.BankNode).Enqueue(instruction);
                }

                file.ResultRunPending = 0;
            }

            await CommitAsync();
            await UnregisterResultReminderAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reconciliation result of {Day} not yet handed to the bank's link; retrying on the reminder", Day);
            await this.RegisterOrUpdateReminder(ResultReminder, options.Value.ResultRetryPeriod, options.Value.ResultRetryPeriod);
        }
    }

    private async Task UnregisterResultReminderAsync()
    {
        if (await this.GetReminder(ResultReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<IReadOnlyList<OutboundInstruction>> BuildResultAsync(string msgNo, ReconciliationFileState file)
    {
        if (msgNo is not (MsgNos.TransactionReconciliation or MsgNos.ArrivalReconciliation or MsgNos.AccountReconciliation or MsgNos.SupervisedAccountStatement))
        {
            return [];
        }

        var day = Day;
        var summary = file.Last!;
        var perMessage = Math.Max(1, options.Value.DifferencesPerMessage);
        var parts = Math.Max(1, (summary.Differences + perMessage - 1) / perMessage);
        var result = summary.Differences == 0 ? ResultCodes.Success : ResultCodes.ReconciliationDifferences;
        var businessNo = $"{day.BusinessDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}{file.BankCode}";
        var now = clock.GetUtcNow();
        var instructions = new List<OutboundInstruction>(parts);
        var after = 0L;
        for (var part = 1; part <= parts; part++)
        {
            var page = summary.Differences == 0 ? [] : await store.ReadRunDifferencesAsync(day, msgNo, file.Run, after, perMessage);
            if (page.Count > 0)
            {
                after = page[^1].DifferenceId;
            }

            long? batchNo = parts > 1 ? part : null, batchCount = parts > 1 ? parts : null;
            var instruction = msgNo switch
            {
                MsgNos.TransactionReconciliation => OutboundInstruction.Of(
                    $"{MsgNos.TransactionReconciliationResult}:{day.Key}:{file.Run}:{part}", MsgNos.TransactionReconciliationResult, businessNo,
                    new TransactionReconciliationResult(day.BusinessDay, file.BankCode, result, summary.MatchedCount, summary.MatchedAmount,
                        [.. page.Select(d => new TransactionReconciliationResult.Diff(d.PayCode, d.TraNoBus, d.DiffType, d.Field, d.BankValue ?? "", d.FinanceValue ?? ""))],
                        batchNo, batchCount), now),
                MsgNos.ArrivalReconciliation => OutboundInstruction.Of(
                    $"{MsgNos.ArrivalReconciliationResult}:{day.Key}:{file.Run}:{part}", MsgNos.ArrivalReconciliationResult, businessNo,
                    new ArrivalReconciliationResult(day.BusinessDay, file.BankCode, result, summary.MatchedCount, summary.MatchedAmount,
                        [.. page.Select(d => new ArrivalReconciliationResult.Diff(d.TraNoBus, d.AccountNo, d.PayCode, d.DiffType, d.Field, d.BankValue ?? "", d.FinanceValue ?? ""))],
                        batchNo, batchCount), now),
                _ => OutboundInstruction.Of(
                    $"{MsgNos.AccountReconciliationResult}:{msgNo}:{day.Key}:{file.Run}:{part}", MsgNos.AccountReconciliationResult, businessNo,
                    new AccountReconciliationResult(day.BusinessDay, file.BankCode, msgNo, result, summary.MatchedCount,
                        [.. page.Select(d => new AccountReconciliationResult.Diff(d.AccountNo, d.DiffType, d.Field, d.BankValue ?? "", d.FinanceValue ?? ""))],
                        batchNo, batchCount), now),
            };
            instructions.Add(instruction with { MsgRef = file.ComparedMsgId });
        }

        return instructions;
    }

    private bool OpenIfNew(DateTimeOffset now)
    {
        if (S.OpenedAt is not null)
        {
            return false;
        }

        S.OpenedAt = now;
        return true;
    }

    private string DayStatus()
    {
        var files = S.Files.Values.ToList();
        if (files.Any(f => f.OpenDifferences > 0))
        {
            return ReconciliationStatus.Differences;
        }

        if (files.Count == 0 || files.Any(f => f.Last is null || !f.IsComplete))
        {
            return ReconciliationStatus.Open;
        }

        return files.Any(f => f.HadDifferences) ? ReconciliationStatus.Resolved : ReconciliationStatus.Matched;
    }

    /// <summary>The day as the fact being recorded leaves it.</summary>
    private ReconciliationDayFigures Figures() => new(
        Day.BankNode,
        Day.BusinessDay,
        S.Status,
        S.Version,
        S.Files.Values.Count(f => f.Last is not null),
        S.Files.Values.Sum(f => f.OpenDifferences),
        S.Files.Values.Sum(f => f.ResolvedDifferences),
        S.FileMissingAlerted);

    private ReconciliationDayView View() => new(
        Day,
        S.Status,
        [.. S.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new ReconciliationFileView(
            f.Key, f.Value.Status, f.Value.BatchCount, f.Value.BatchesReceived, f.Value.Run, f.Value.Last, f.Value.ResolvedDifferences, f.Value.ResultRunPending > 0))],
        S.FileMissingAlerted,
        S.Version);

    private Task CommitAsync() => state.CommitAsync(DeactivateOnIdle);
}
