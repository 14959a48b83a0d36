namespace NonTax.Grains.Reconciliation;

/// <summary>Reconciliation settings (configuration section <c>Reconciliation</c>; docs/operations.md).</summary>
public sealed class ReconciliationOptions
{
    /// <summary>
    /// China-time of day after which yesterday's 2555 must have come from every expected bank; a
    /// bank whose file has not come is alerted once for the day.
    /// </summary>
    public TimeOnly CutOff { get; set; } = new(10, 0);

    /// <summary>The sweeper's reminder period (Orleans' minimum is one minute).</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A stored, uncompared file younger than this is left to the prompt the edge sent.</summary>
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Days prompted per sweep.</summary>
    public int SweepPageSize { get; set; } = 100;

    /// <summary>Differences per result message; a run with more goes out as several messages (BatchNo of BatchCount).</summary>
    public int DifferencesPerMessage { get; set; } = 1000;

    /// <summary>How often a day retries handing its result to the bank's link after a failure.</summary>
    public TimeSpan ResultRetryPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
