using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Units;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Units;

// Monitoring (监控): a reminder blocks the unit from issuing while its backlog exceeds its limits.
public sealed partial class CollectingUnitGrain
{
    private const string MonitoringReminder = "monitoring";

    public async Task<MonitoringState> EvaluateMonitoring()
    {
        if (S.Profile is null)
        {
            return Monitoring(UnitBacklog.Empty);
        }

        var today = ChinaTime.Today(clock);
        var backlog = await ReadBacklogAsync();
        var reason = MonitoringRules.BlockReason(S.Limits, backlog, today);
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
}
