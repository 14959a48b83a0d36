namespace NonTax.Grains.Hosting;

/// <summary>How often collecting units evaluate their monitoring rules (reminder period).</summary>
public sealed class MonitoringOptions
{
    public TimeSpan EvaluationPeriod { get; set; } = TimeSpan.FromHours(1);
}
