using NonTax.BankSimulator.Load;

namespace NonTax.BankSimulator.Tests.Load;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Nearest_rank_percentiles_are_latencies_a_request_really_had()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        var summary = LatencySummary.Of(samples);

        Assert.Equal(100, summary.Count);
        Assert.Equal(50, summary.P50);
        Assert.Equal(95, summary.P95);
        Assert.Equal(99, summary.P99);
        Assert.Equal(100, summary.Max);
    }

    [Fact]
    public void One_slow_request_in_a_thousand_shows_in_p99_9_not_in_p99()
    {
        var samples = Enumerable.Repeat(2.0, 999).Append(500.0).ToArray();
        Array.Sort(samples);

        Assert.Equal(2.0, LatencySummary.Percentile(samples, 99));
        Assert.Equal(500.0, LatencySummary.Percentile(samples, 99.95));
        Assert.Equal(500.0, LatencySummary.Of(samples).Max);
    }

    [Fact]
    public void Few_samples_round_up_to_the_next_rank()
    {
        var summary = LatencySummary.Of([10.0, 30.0, 20.0]);

        Assert.Equal(20, summary.P50);
        Assert.Equal(30, summary.P95);
        Assert.Equal(30, summary.P99);
    }

    [Fact]
    public void No_samples_give_an_empty_summary()
    {
        Assert.Equal(LatencySummary.Empty, LatencySummary.Of([]));
    }
}
