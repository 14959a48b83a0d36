namespace NonTax.Grains.Hosting;

/// <summary>Retry period of the reminder that re-hands undelivered outbound items (refunds, 5996, unit notices).</summary>
public sealed class OutboxOptions
{
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
