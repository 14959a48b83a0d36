using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.EBills;

namespace NonTax.Grains.EBills;

/// <summary>
/// Tells payers of their new e-bills by SMS (docs/architecture.md "E-bills"). No state of its
/// own: the outbox is <c>nontax.ebill_sms</c>, queued in the bill's own write, so no bill goes
/// untold. One grain per cluster sends, a round at a time; a message leaves "pending" in the update
/// after its send, and its key (<c>ebill:{code}-{number}</c>) goes to the gateway as the client
/// message id, so a send repeated after a crash can be dropped there. It uses the same
/// <see cref="ISmsProvider"/> as the alert SMS.
/// </summary>
public sealed class EBillNotifierGrain(
    IEBillSmsOutbox outbox,
    ISmsProvider sms,
    IOptions<EBillOptions> options,
    ILogger<EBillNotifierGrain> logger) : Grain, IEBillNotifierGrain, IRemindable
{
    private const string NotifyReminder = "notify";

    public async Task Start()
    {
        var period = options.Value.NotifyPeriod;
        await this.RegisterOrUpdateReminder(NotifyReminder, period, period);
    }

    public async Task<int> Notify()
    {
        var settings = options.Value;
        var sent = 0;
        foreach (var message in await outbox.ReadDueAsync(settings.NotifyPageSize))
        {
            var text = Body(message, settings);
            SmsSendResult result;
            try
            {
                result = await sms.SendAsync(new SmsMessage($"ebill:{message.Key}", message.Phone, message.PayerName, "payer", text, message.Attempts));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = SmsSendResult.Failed(e.Message);
            }

            if (result.Accepted)
            {
                await outbox.MarkSentAsync(message, result.Reference);
                sent++;
                continue;
            }

            var attempt = message.Attempts + 1;
            TimeSpan? retryAfter = attempt >= settings.MaxAttempts
                ? null
                : TimeSpan.FromTicks(Math.Min(settings.RetryAfter.Ticks * (1L << Math.Min(attempt - 1, 20)), TimeSpan.FromHours(1).Ticks));
            await outbox.MarkFailedAsync(message, result.Error ?? "refused", retryAfter);
            if (retryAfter is null)
            {
                logger.LogWarning("Gave up the e-bill SMS of {Bill} after {Attempts} attempts: {Error}", message.Key, attempt, result.Error);
            }
        }

        return sent;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == NotifyReminder ? Notify() : Task.CompletedTask;

    /// <summary>The SMS text: the template with the payer, the payment code, the bill and its download link.</summary>
    public static string Body(EBillSms message, EBillOptions settings)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        var link = $"{settings.DownloadBaseUrl.TrimEnd('/')}/{message.Key}?check={message.CheckCode}";
        return settings.SmsTemplate
            .Replace("{payer}", message.PayerName, StringComparison.Ordinal)
            .Replace("{payCode}", message.PayCode, StringComparison.Ordinal)
            .Replace("{bill}", message.Key, StringComparison.Ordinal)
            .Replace("{link}", link, StringComparison.Ordinal)
            .ToString(CultureInfo.InvariantCulture);
    }
}
