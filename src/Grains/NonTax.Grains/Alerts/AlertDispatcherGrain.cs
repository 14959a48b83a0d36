using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Alerts;

/// <summary>
/// The SMS side of alerts. Each round first plans: every alert not planned yet gets one outbox row
/// per recipient the duty roster names, written with the alert's planned mark in one transaction,
/// so a repeated tick plans nothing twice. Then it sends what is due, one message at a time, and
/// records each outcome; a failed message goes again with a growing wait until it gives up. A
/// message of an alert that staff acknowledged or closed meanwhile is cancelled, not sent.
/// </summary>
public sealed class AlertDispatcherGrain(
    IAlertSmsOutbox outbox,
    ISmsProvider sms,
    TimeProvider clock,
    IOptions<AlertDispatchOptions> options,
    ILogger<AlertDispatcherGrain> logger) : Grain, IAlertDispatcherGrain, IRemindable
{
    private const string DispatchReminder = "dispatch";

    public async Task Start()
    {
        var period = options.Value.Period;
        await this.RegisterOrUpdateReminder(DispatchReminder, period, period);
    }

    public async Task<AlertDispatchReport> Dispatch()
    {
        var settings = options.Value;
        var (planned, queued) = await PlanAsync(settings);
        int sent = 0, retrying = 0, failed = 0, cancelled = 0;
        foreach (var message in await outbox.ReadDueAsync(settings.PageSize))
        {
            if (!message.AlertOpen)
            {
                await outbox.MarkCancelledAsync(message);
                cancelled++;
                continue;
            }

            var result = await SendAsync(message);
            if (result.Accepted)
            {
                await outbox.MarkSentAsync(message, result.Reference);
                sent++;
                continue;
            }

            var attempt = message.Attempts + 1;
            var retryAfter = attempt >= settings.MaxAttempts ? (TimeSpan?)null : RetryAfter(settings, attempt);
            await outbox.MarkFailedAsync(message, result.Error ?? "refused", retryAfter);
            if (retryAfter is null)
            {
                logger.LogError("SMS of alert {AlertId} to {Recipient} given up after {Attempts} attempts: {Error}", message.AlertId, message.Recipient, attempt, result.Error);
                failed++;
            }
            else
            {
                retrying++;
            }
        }

        return new AlertDispatchReport(planned, queued, sent, retrying, failed, cancelled);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DispatchReminder ? Dispatch() : Task.CompletedTask;

    private async Task<(int Planned, int Queued)> PlanAsync(AlertDispatchOptions settings)
    {
        var planned = 0;
        var queued = 0;
        var now = ChinaTime.Now(clock);
        foreach (var alert in await outbox.ReadUnplannedAsync(settings.PageSize))
        {
            // An alert already taken on wakes nobody; it is marked planned all the same.
            var messages = alert.IsOpen ? DutyRoster.MessagesFor(settings, alert, now) : [];
            if (alert.IsOpen && messages.Count == 0)
            {
                logger.LogWarning("Alert {AlertId} ({Kind}) has nobody on the duty roster to send it to", alert.AlertId, alert.Kind);
            }

            queued += await outbox.PlanAsync(alert.AlertId, messages);
            planned++;
        }

        return (planned, queued);
    }

    private async Task<SmsSendResult> SendAsync(SmsMessage message)
    {
        try
        {
            return await sms.SendAsync(message);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "SMS of alert {AlertId} to {Recipient} failed", message.AlertId, message.Recipient);
            return SmsSendResult.Failed(ex.GetType().Name + ": " + ex.Message);
        }
    }

    internal static TimeSpan RetryAfter(AlertDispatchOptions settings, int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(settings.RetryAfter.Ticks * factor, settings.MaxRetryAfter.Ticks));
        return wait;
    }
}
