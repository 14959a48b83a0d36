namespace NonTax.Grains.Outbound;

/// <summary>Retry policy of outbound links (configuration section <c>BankLink</c>).</summary>
public sealed class BankLinkOptions
{
    /// <summary>First retry delay; each further attempt doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message still failing this long after it was queued is parked as dead and alerted.</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often an active link looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many messages are in flight to one peer at once.</summary>
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>
    /// Dead messages the link keeps for staff to retry or close. Beyond it the oldest dead one is
    /// dropped from the link with an error log; its row stays dead in <c>outbound_messages</c>
    /// and its alert stays raised, but it can no longer be retried from the link.
    /// </summary>
    public int MaxDeadKept { get; set; } = 1000;
}
