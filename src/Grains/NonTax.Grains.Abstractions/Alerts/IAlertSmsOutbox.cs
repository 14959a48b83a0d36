namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>
/// The durable SMS outbox (<c>nontax.alert_sms</c>) and the alerts still to plan. Implemented over
/// SQL on the silo; only the dispatcher grain writes it.
/// </summary>
public interface IAlertSmsOutbox
{
    /// <summary>Alerts whose recipients were not chosen yet, oldest first.</summary>
    Task<IReadOnlyList<OpenAlert>> ReadUnplannedAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: adds one row per message (a row that exists is left as it is) and marks
    /// the alert planned. Returns how many rows were new.
    /// </summary>
    Task<int> PlanAsync(string alertId, IReadOnlyList<SmsMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Pending messages whose next attempt is due (by the database's clock), oldest first.</summary>
    Task<IReadOnlyList<SmsMessage>> ReadDueAsync(int limit, CancellationToken cancellationToken = default);

    Task MarkSentAsync(SmsMessage message, string? reference, CancellationToken cancellationToken = default);

    /// <summary>Counts the failed attempt; the message goes again after <paramref name="retryAfter"/>, or, when null, is given up (failed).</summary>
    Task MarkFailedAsync(SmsMessage message, string error, TimeSpan? retryAfter, CancellationToken cancellationToken = default);

    Task MarkCancelledAsync(SmsMessage message, CancellationToken cancellationToken = default);
}
