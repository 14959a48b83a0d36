using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Hosting;

namespace NonTax.Grains.Notices;

/// <summary>
/// The safety net of answer-first confirmations: a notice hands over after its reply, so a silo
/// that dies in between leaves a stored outbox no activation will look at. Its pending_handovers
/// row stays; once older than <see cref="OutboxOptions.SweepGrace"/> this grain, on its reminder,
/// activates the notice and has it deliver. A hand-over can therefore lag a crash by at most grace
/// + period (plus the sweep's own run time). One reminder for the cluster replaces one reminder
/// write per failed hand-over.
/// </summary>
public sealed class HandOverSweeperGrain(
    IPendingHandOverSource source,
    IOptions<OutboxOptions> options,
    ILogger<HandOverSweeperGrain> logger) : Grain, IHandOverSweeperGrain, IRemindable
{
    private const string SweepReminder = "sweep";

    public async Task Start()
    {
        var period = options.Value.SweepPeriod;
        await this.RegisterOrUpdateReminder(SweepReminder, period, period);
    }

    public async Task<int> Sweep()
    {
        var settings = options.Value;
        var prompted = 0;
        string? after = null;
        while (true)
        {
            var page = await source.ReadDueAsync(settings.SweepGrace, after, settings.SweepPageSize);
            if (page.Count == 0)
            {
                break;
            }

            // A page's notices hand over in parallel, each one turn of its own grain.
            await Task.WhenAll(page.Select(PromptAsync));
            prompted += page.Count;
            after = page[^1];
            if (page.Count < settings.SweepPageSize)
            {
                break;
            }
        }

        if (prompted > 0)
        {
            logger.LogInformation("Hand-over sweep prompted {Count} notices with undelivered hand-overs", prompted);
        }

        return prompted;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == SweepReminder ? Sweep() : Task.CompletedTask;

    private async Task PromptAsync(string payCode)
    {
        try
        {
            await GrainFactory.GetGrain<IPaymentNoticeGrain>(payCode).DeliverPending();
        }
        catch (Exception ex)
        {
            // The row stays, so the next tick tries again.
            logger.LogWarning(ex, "Notice {PayCode} could not deliver its pending hand-overs", payCode);
        }
    }
}
