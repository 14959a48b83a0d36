using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Tests.Units;

[Collection(ClusterCollection.Name)]
public sealed class MonitoringTests(ClusterFixture fixture)
{
    private async Task<ICollectingUnitGrain> NewUnitAsync(string code, int issuer)
    {
        var fee = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.FeeUnit).Get();
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(code);
        Assert.Equal(ResultCodes.Success, await unit.Define(fee!.Profile with { UnitCode = code, IssuerNumber = issuer }, "admin"));
        Assert.Equal(ResultCodes.Success, await unit.GrantRight(ClusterFixture.LateFeeItem, "admin"));
        Assert.Equal(ResultCodes.Success, await unit.SetMonitoringLimits(new MonitoringLimits(MaxDaysIssuedUnpaid: 2, MaxDaysUnremitted: 1), "admin"));
        return unit;
    }

    [Fact]
    public async Task A_unit_past_its_unpaid_limit_is_blocked_until_the_notice_is_paid()
    {
        var unit = await NewUnitAsync("0999003", 7);
        var issued = await unit.Issue(Drafts.Fine(50m));
        Assert.False((await unit.EvaluateMonitoring()).IsBlocked);

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var blocked = await unit.EvaluateMonitoring();
        var refused = await unit.Issue(Drafts.Fine(50m));
        await unit.EvaluateMonitoring();

        Assert.True(blocked.IsBlocked);
        Assert.Contains(issued.PayCode!, blocked.BlockReason);
        Assert.Equal(ResultCodes.UnitBlocked, refused.ResultCode);
        Assert.Single(fixture.Store.FactsAbout("0999003"), f => f.Kind == "unit.blocked");

        var notice = fixture.Grains.GetGrain<Abstractions.Notices.IPaymentNoticeGrain>(issued.PayCode!);
        var due = (await notice.Query(NonTax.Protocol.Time.ChinaTime.Today(fixture.Clock))).Notice!.AmountDue;
        await notice.Confirm(Drafts.Payment(issued.PayCode!, "D3206820105", $"MON-{Guid.NewGuid():N}", due, fixture.Clock));
        var cleared = await unit.EvaluateMonitoring();

        Assert.False(cleared.IsBlocked);
        Assert.Equal(0, cleared.OpenNotices);
        Assert.Equal(1, cleared.UnremittedNotices);
        Assert.Single(fixture.Store.FactsAbout("0999003"), f => f.Kind == "unit.unblocked");
        Assert.True((await unit.Issue(Drafts.Fine(50m))).Succeeded);
    }

    [Fact]
    public async Task Staff_can_clear_a_block_and_only_newer_offenders_count_after()
    {
        var unit = await NewUnitAsync("0999004", 6);
        var issued = await unit.Issue(Drafts.Fine(20m));
        var notice = fixture.Grains.GetGrain<Abstractions.Notices.IPaymentNoticeGrain>(issued.PayCode!);
        await notice.Confirm(Drafts.Payment(issued.PayCode!, "D3206820103", $"MON-{Guid.NewGuid():N}", 20m, fixture.Clock));

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var blocked = await unit.EvaluateMonitoring();
        Assert.True(blocked.IsBlocked);
        Assert.Contains("un-remitted", blocked.BlockReason);

        Assert.Equal(ResultCodes.Success, await unit.ClearBlock("supervisor", "remittance confirmed by phone"));
        Assert.False((await unit.EvaluateMonitoring()).IsBlocked);
        await unit.MarkRemitted([issued.PayCode!]);

        var view = await unit.Get();
        Assert.Equal(0, view!.Monitoring.UnremittedNotices);
        var facts = fixture.Store.FactsAbout("0999004");
        Assert.Single(facts, f => f.Kind == "unit.blocked");
        Assert.Contains("supervisor", Assert.Single(facts, f => f.Kind == "unit.unblocked").PayloadJson);

        // A notice issued after the clearing counts again once it is overdue.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await unit.Issue(Drafts.Fine(30m));
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var blockedAgain = await unit.EvaluateMonitoring();
        Assert.True(blockedAgain.IsBlocked);
        Assert.Contains(later.PayCode!, blockedAgain.BlockReason);
    }

    [Fact]
    public async Task Clearing_a_block_lets_the_notices_behind_it_age_without_blocking_again()
    {
        var unit = await NewUnitAsync("0999006", 4);
        var issued = await unit.Issue(Drafts.Fine(25m));
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        Assert.True((await unit.EvaluateMonitoring()).IsBlocked);

        Assert.Equal(ResultCodes.Success, await unit.ClearBlock("supervisor", "payer on instalments"));
        fixture.Clock.Advance(TimeSpan.FromDays(10));
        var monitoring = await unit.EvaluateMonitoring();

        Assert.False(monitoring.IsBlocked);
        // Still open and still reported: clearing stops it blocking, not being seen.
        Assert.Equal(1, monitoring.OpenNotices);
        Assert.Equal(NonTax.Protocol.Time.ChinaTime.Today(fixture.Clock).AddDays(-13), monitoring.OldestUnpaidIssueDate);
        Assert.True((await unit.Issue(Drafts.Fine(50m))).Succeeded, issued.PayCode);
    }

    [Fact]
    public async Task Concurrent_payments_and_a_void_of_one_unit_are_all_seen_by_its_monitoring()
    {
        var unit = await NewUnitAsync("0999005", 5);
        var batch = await unit.IssueBatch([.. Enumerable.Range(1, 60).Select(i => Drafts.Fine(10m + i))]);
        Assert.Equal(60, batch.Issued);

        var outcomes = await Task.WhenAll(batch.Rows.Select((r, i) => fixture.Grains.GetGrain<Abstractions.Notices.IPaymentNoticeGrain>(r.PayCode!)
            .Confirm(Drafts.Payment(r.PayCode!, "G000001", $"GC-{r.PayCode}", 10m + i + 1, fixture.Clock, "51"))));
        // Neither payments nor the void call the unit: its monitoring reads them from the projection.
        var extra = await unit.Issue(Drafts.Fine(5m));
        Assert.Equal(ResultCodes.Success, await unit.VoidNotice(extra.PayCode!, "clerk", "duplicate issue"));

        Assert.All(outcomes, o => Assert.Equal(ResultCodes.Success, o.ResultCode));
        var monitoring = (await unit.Get())!.Monitoring;
        Assert.Equal(0, monitoring.OpenNotices);
        Assert.Equal(60, monitoring.UnremittedNotices);
    }
}
