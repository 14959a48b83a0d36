namespace NonTax.Grains.Hosting;

/// <summary>
/// Business refunds and the watch on unanswered refunds (configuration section <c>Refunds</c>;
/// docs/operations.md "Refunds").
/// </summary>
public sealed class RefundOptions
{
    /// <summary>
    /// The bank node that holds the refund reserve (退付备用金): every approved business refund's
    /// 5617 goes there. Empty means approvals are refused until it is configured.
    /// </summary>
    public string ReserveBank { get; set; } = "";

    /// <summary>A refund instructed (5617) longer ago than this without its 2617 is stuck and raises an alert.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the refund watch looks for stuck refunds (a reminder; at least one minute).</summary>
    public TimeSpan WatchPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
