namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>
/// Looks for refunds whose 5617 went out longer ago than <c>Refunds:StuckAfter</c> without a 2617
/// and raises one alert per stuck refund. Reminder-driven, one per cluster (<see cref="ClusterKey"/>);
/// a repeated tick raises nothing new (the alert key is the refund number).
/// </summary>
public interface IRefundWatchGrain : IGrainWithStringKey
{
    const string ClusterKey = "cluster";

    /// <summary>Makes sure the watch reminder exists (called by every silo at start; idempotent).</summary>
    Task Start();

    /// <summary>Looks now; returns how many stuck refunds it found (each alerted once, however often it is found).</summary>
    Task<int> Check();
}
