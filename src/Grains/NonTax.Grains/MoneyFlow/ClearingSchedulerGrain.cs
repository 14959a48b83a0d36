using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Protocol.Time;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// One reminder for the cluster: every <see cref="ClearingOptions.Period"/> it asks SQL for the
/// reconciled days not yet cleared and runs each day's grain (which is idempotent), so a day is
/// cleared shortly after its reconciliation is matched or resolved, without a call from reconciliation.
/// </summary>
public sealed class ClearingSchedulerGrain(
    IClearingSource source,
    IOptions<ClearingOptions> options,
    TimeProvider time,
    ILogger<ClearingSchedulerGrain> logger) : Grain, IClearingSchedulerGrain, IRemindable
{
    private const string TickReminder = "clearing-scheduler";

    public async Task Start()
    {
        var period = options.Value.Period;
        await this.RegisterOrUpdateReminder(TickReminder, period, period);
    }

    public async Task<int> Tick()
    {
        var from = ChinaTime.ToBusinessDate(time.GetUtcNow()).AddDays(-options.Value.LookbackDays);
        var days = await source.DaysToClearAsync(from, 500);
        foreach (var day in days)
        {
            try
            {
                await GrainFactory.GetGrain<IClearingDayGrain>(IClearingDayGrain.KeyOf(day.BankNode, day.Day)).Run();
            }
            catch (Exception exception)
            {
                // The day stays uncleared in SQL, so the next tick tries again.
                logger.LogWarning(exception, "Clearing of {Bank} {Day} could not run", day.BankNode, day.Day);
            }
        }

        return days.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == TickReminder ? Tick() : Task.CompletedTask;
}
