using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Results;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;

namespace NonTax.Grains.Tests.Notices;

/// <summary>Late fee and expiry, driven by the confirmation's own CfmDate and the query's date.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AmountDueTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_amount_due_grows_by_the_daily_late_fee_after_the_due_date()
    {
        var issued = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.FeeUnit).Issue(Drafts.Fine(1000m));
        var notice = fixture.Grains.GetGrain<IPaymentNoticeGrain>(issued.PayCode!);
        var details = (await notice.GetDetails())!.Details;
        var fiveDaysLate = details.DueDate.AddDays(5);

        var onDueDate = await notice.Query(details.DueDate);
        var late = await notice.Query(fiveDaysLate);
        var underpaid = await notice.Confirm(Drafts.Payment(issued.PayCode!, "D3206820105", "LATE-1", 1000m, fixture.Clock) with { CfmDate = fiveDaysLate });
        var paid = await notice.Confirm(Drafts.Payment(issued.PayCode!, "D3206820105", "LATE-2", 1001.50m, fixture.Clock) with { CfmDate = fiveDaysLate });

        Assert.Equal(1000m, onDueDate.Notice!.AmountDue);
        // 0.0003 × 1000.00 × 5 days = 1.50
        Assert.Equal(1.50m, late.Notice!.LateFee);
        Assert.Equal(1001.50m, late.Notice.AmountDue);
        Assert.Equal(ResultCodes.AmountMismatch, underpaid.ResultCode);
        Assert.Equal(ResultCodes.Success, paid.ResultCode);
    }

    [Fact]
    public async Task The_late_fee_never_exceeds_the_notice_amount()
    {
        var issued = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.FeeUnit).Issue(Drafts.Fine(10m));
        var notice = fixture.Grains.GetGrain<IPaymentNoticeGrain>(issued.PayCode!);
        var details = (await notice.GetDetails())!.Details;

        // Grace is 30 days: 0.0003 × 30 = 0.9% — so cap it by asking with a rate that would pass the amount.
        var lastDay = await notice.Query(details.LastPayableDate);
        var expired = await notice.Query(details.LastPayableDate.AddDays(1));

        Assert.Equal(details.DueDate.AddDays(30), details.LastPayableDate);
        Assert.Equal(0.09m, lastDay.Notice!.LateFee);
        Assert.Equal(ResultCodes.NoticeExpired, expired.ResultCode);
        Assert.True(expired.Notice!.IsExpired);
    }

    [Fact]
    public async Task Past_its_payment_period_a_notice_is_expired_and_refuses_payment()
    {
        var issued = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit).Issue(Drafts.LandRegistration());
        var notice = fixture.Grains.GetGrain<IPaymentNoticeGrain>(issued.PayCode!);
        var details = (await notice.GetDetails())!.Details;
        var dayAfter = details.DueDate.AddDays(1);

        var query = await notice.Query(dayAfter);
        var refused = await notice.Confirm(Drafts.Payment(issued.PayCode!, "D3206820105", "EXP-1", 80m, fixture.Clock) with { CfmDate = dayAfter });
        var onTime = await notice.Confirm(Drafts.Payment(issued.PayCode!, "D3206820105", "EXP-2", 80m, fixture.Clock) with { CfmDate = details.DueDate });

        Assert.True(details.DueDate > details.IssueDate.AddDays(9));
        Assert.Equal(ResultCodes.NoticeExpired, query.ResultCode);
        Assert.Equal(ResultCodes.NoticeExpired, refused.ResultCode);
        Assert.Equal(ResultCodes.Success, onTime.ResultCode);
        Assert.Single(fixture.Store.FactsAbout(issued.PayCode!), f => f.Kind == "notice.confirmation_refused");
    }
}
