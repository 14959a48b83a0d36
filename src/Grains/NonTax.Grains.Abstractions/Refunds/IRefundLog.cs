namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>
/// Refunds from the projection (<c>nontax.refunds</c>: technical_refunds and business_refunds):
/// the lists staff read and the refunds the watch finds stuck. Implemented over SQL on the silo.
/// </summary>
public interface IRefundLog
{
    Task<IReadOnlyList<RefundView>> ListAsync(RefundFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refunds whose 5617 was instructed more than <paramref name="olderThan"/> ago (by the
    /// database's clock) and whose 2617 has not come, oldest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<RefundView>> StuckAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Open <c>refund.stuck</c> alerts whose refund has its result now (completed or failed): the
    /// alert id and the refund's status, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<(string AlertId, string RefundNo, string Status)>> SettledStuckAlertsAsync(int limit, CancellationToken cancellationToken = default);
}
