using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Protocol.Time;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// One reminder for the cluster: every <see cref="RemittanceOptions.Period"/> it asks SQL for the
/// cleared days whose remittance has not started or not finished computing, and runs each day's
/// grain (which is idempotent), so a day is remitted shortly after its clearing, without a call
/// from clearing. Central remittance is therefore periodic: one batch per bank and cleared day.
/// </summary>
public sealed class RemittanceSchedulerGrain(
    IRemittanceSource source,
    IOptions<RemittanceOptions> options,
    TimeProvider time,
    ILogger<RemittanceSchedulerGrain> logger) : Grain, IRemittanceSchedulerGrain, IRemindable
{
    private const string TickReminder = "remittance-scheduler";

    public async Task Start()
    {
        var period = options.Value.Period;
        await this.RegisterOrUpdateReminder(TickReminder, period, period);
    }

    public async Task<int> Tick()
    {
        var from = ChinaTime.ToBusinessDate(time.GetUtcNow()).AddDays(-options.Value.LookbackDays);
        var days = await source.DaysToRemitAsync(from, 500);
        foreach (var day in days)
        {
            try
            {
                await GrainFactory.GetGrain<IRemittanceDayGrain>(IRemittanceDayGrain.KeyOf(day.BankNode, day.Day)).Run();
            }
            catch (Exception exception)
            {
                // The day stays unremitted in SQL, so the next tick tries again.
                logger.LogWarning(exception, "Remittance of {Bank} {Day} could not run", day.BankNode, day.Day);
            }
        }

        return days.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == TickReminder ? Tick() : Task.CompletedTask;
}
