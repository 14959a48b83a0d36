namespace NonTax.BankSimulator.Load;

/// <summary>Latency percentiles of one message type in milliseconds (nearest-rank).</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>
    /// Nearest-rank percentiles: the smallest sample with at least p % of samples at or below it,
    /// so a p99 is always a latency some request really had, never an interpolation.
    /// </summary>
    public static LatencySummary Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return Empty;
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]);
    }

    public static double Percentile(double[] sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
