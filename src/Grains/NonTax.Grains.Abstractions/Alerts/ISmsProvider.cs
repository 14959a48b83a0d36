namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>
/// Sends one SMS. The shipped provider posts to an HTTP SMS gateway (docs/operations.md "Alerts
/// and SMS"); it retries transient failures itself and reports the final outcome, never throwing
/// for a gateway's refusal. The dispatcher retries a failed message later from the outbox.
/// </summary>
public interface ISmsProvider
{
    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
}
