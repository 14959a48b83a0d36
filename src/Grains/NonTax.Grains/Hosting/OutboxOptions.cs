namespace NonTax.Grains.Hosting;

/// <summary>
/// How outbox hand-overs (technical refunds, 5996) are retried: a timer in the notice's activation
/// while it lives, and the hand-over sweeper for notices a crash left with undelivered items
/// (configuration section <c>Outbox</c>; docs/architecture.md, "The confirmation path").
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>Wait before an active notice tries a failed hand-over again.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The sweeper's reminder period. Orleans refuses reminder periods under its minimum (1 minute by default).</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A pending row younger than this is left alone: its notice is normally handing over right
    /// now, and sweeping it would only repeat the hand-over.
    /// </summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Notices read and prompted per round trip of a sweep.</summary>
    public int SweepPageSize { get; set; } = 200;
}
