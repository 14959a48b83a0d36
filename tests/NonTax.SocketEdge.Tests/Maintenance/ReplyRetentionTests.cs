using NonTax.SocketEdge.Maintenance;

namespace NonTax.SocketEdge.Tests.Maintenance;

public class ReplyRetentionTests
{
    [Fact]
    public void Configured_retention_below_thirty_days_is_raised_to_thirty() =>
        Assert.Equal(TimeSpan.FromDays(30), ReplyPruningService.EffectiveRetention(TimeSpan.FromDays(7)));

    [Fact]
    public void Longer_retention_is_kept() =>
        Assert.Equal(TimeSpan.FromDays(90), ReplyPruningService.EffectiveRetention(TimeSpan.FromDays(90)));

    [Fact]
    public void The_default_keeps_thirty_days_and_prunes_daily()
    {
        var options = new EdgeOptions();
        Assert.Equal(TimeSpan.FromDays(30), options.ReplyRetention);
        Assert.Equal(TimeSpan.FromDays(1), options.ReplyPruneInterval);
    }
}
