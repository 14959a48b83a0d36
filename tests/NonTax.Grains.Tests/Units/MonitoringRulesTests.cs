using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Units;

namespace NonTax.Grains.Tests.Units;

/// <summary>The block rule on its own: the oldest counted notice against the unit's limits.</summary>
public sealed class MonitoringRulesTests
{
    private static readonly DateOnly Today = new(2026, 4, 30);

    private static UnitBacklog Backlog(BacklogNotice? open = null, BacklogNotice? unremitted = null) =>
        UnitBacklog.Empty with { OldestCountedOpen = open, OldestCountedUnremitted = unremitted };

    [Fact]
    public void Without_limits_nothing_blocks()
    {
        var backlog = Backlog(new BacklogNotice("A", Today.AddDays(-400)), new BacklogNotice("B", Today.AddDays(-400)));

        Assert.Null(MonitoringRules.BlockReason(new MonitoringLimits(), backlog, Today));
    }

    [Fact]
    public void An_unpaid_notice_blocks_only_once_older_than_the_limit()
    {
        var limits = new MonitoringLimits(MaxDaysIssuedUnpaid: 30);

        Assert.Null(MonitoringRules.BlockReason(limits, Backlog(new BacklogNotice("A", Today.AddDays(-30))), Today));
        Assert.Equal("notice A issued 2026-03-30 unpaid for 31 days (limit 30)",
            MonitoringRules.BlockReason(limits, Backlog(new BacklogNotice("A", Today.AddDays(-31))), Today));
    }

    [Fact]
    public void Un_remitted_money_blocks_past_its_own_limit_and_the_unpaid_rule_is_named_first()
    {
        var limits = new MonitoringLimits(MaxDaysIssuedUnpaid: 30, MaxDaysUnremitted: 5);
        var unremitted = new BacklogNotice("B", Today.AddDays(-6));

        Assert.Equal("notice B paid 2026-04-24 un-remitted for 6 days (limit 5)",
            MonitoringRules.BlockReason(limits, Backlog(unremitted: unremitted), Today));
        Assert.StartsWith("notice A issued",
            MonitoringRules.BlockReason(limits, Backlog(new BacklogNotice("A", Today.AddDays(-31)), unremitted), Today));
    }

    [Fact]
    public void A_voided_paper_bill_not_returned_blocks_past_its_limit()
    {
        var limits = new MonitoringLimits(MaxDaysVoidUnreturned: 10);
        var voided = UnitBacklog.Empty with { OldestUnreturnedVoid = new UnreturnedVoid("32010126-0000000017", Today.AddDays(-11)) };

        Assert.Equal("voided paper bill 32010126-0000000017 voided 2026-04-19 not returned for 11 days (limit 10)",
            MonitoringRules.BlockReason(limits, voided, Today));
        Assert.Null(MonitoringRules.BlockReason(limits, voided with { OldestUnreturnedVoid = new UnreturnedVoid("32010126-0000000017", Today.AddDays(-10)) }, Today));
        Assert.Null(MonitoringRules.BlockReason(new MonitoringLimits(MaxDaysIssuedUnpaid: 1), voided, Today));
    }

    [Fact]
    public void An_empty_backlog_never_blocks()
    {
        Assert.Null(MonitoringRules.BlockReason(new MonitoringLimits(0, 0), UnitBacklog.Empty, Today));
    }
}
