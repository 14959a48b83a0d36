using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Reconciliation;

/// <summary>
/// The cluster's reconciliation reminder; see <see cref="IReconciliationSweeperGrain"/>. Nothing
/// stored: pending days come from <c>reconciliation_pending</c>, expected banks from the peers,
/// and each day grain remembers itself whether it already alerted a missing file.
/// </summary>
public sealed class ReconciliationSweeperGrain(
    IReconciliationStore store,
    TimeProvider clock,
    IOptions<ReconciliationOptions> options,
    ILogger<ReconciliationSweeperGrain> logger) : Grain, IReconciliationSweeperGrain, IRemindable
{
    private const string SweepReminder = "sweep";

    // The business day whose cut-off this activation already checked for every bank; a new
    // activation checks again, which the day grains make harmless.
    private DateOnly? _cutOffCheckedFor;

    public async Task Start()
    {
        var period = options.Value.SweepPeriod;
        await this.RegisterOrUpdateReminder(SweepReminder, period, period);
    }

    public async Task<int> Sweep()
    {
        var settings = options.Value;
        var touched = 0;
        foreach (var day in await store.ReadPendingAsync(settings.PendingGrace, settings.SweepPageSize))
        {
            touched++;
            await GuardAsync(day, g => g.Process());
        }

        var now = clock.GetUtcNow();
        var today = ChinaTime.ToBusinessDate(now);
        var businessDay = today.AddDays(-1);
        if (_cutOffCheckedFor != businessDay && TimeOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime) >= settings.CutOff)
        {
            foreach (var bank in await store.ReadExpectedBanksAsync(businessDay))
            {
                touched++;
                await GuardAsync(new ReconciliationDay(bank, businessDay), g => g.CheckCutOff());
            }

            _cutOffCheckedFor = businessDay;
        }

        return touched;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == SweepReminder ? Sweep() : Task.CompletedTask;

    private async Task GuardAsync(ReconciliationDay day, Func<IReconciliationDayGrain, Task> action)
    {
        try
        {
            await action(GrainFactory.GetGrain<IReconciliationDayGrain>(day.Key));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reconciliation sweep could not process {Day}; the next tick tries again", day);
        }
    }
}
