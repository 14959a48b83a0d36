namespace NonTax.Grains.Abstractions.EBills;

/// <summary>The payers' e-bill SMS outbox (<c>nontax.ebill_sms</c>); filled by the projection, drained by the notifier.</summary>
public interface IEBillSmsOutbox
{
    /// <summary>Pending messages whose next attempt is due (by the database's clock), oldest first.</summary>
    Task<IReadOnlyList<EBillSms>> ReadDueAsync(int limit, CancellationToken cancellationToken = default);

    Task MarkSentAsync(EBillSms message, string? reference, CancellationToken cancellationToken = default);

    /// <summary>Counts the failed attempt; again after <paramref name="retryAfter"/>, or, when null, given up (failed).</summary>
    Task MarkFailedAsync(EBillSms message, string error, TimeSpan? retryAfter, CancellationToken cancellationToken = default);
}
