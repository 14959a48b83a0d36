using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;

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
    public async Task A_notice_is_payable_with_late_fee_through_its_grace_days_then_expired()
    {
        var issued = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.FeeUnit).Issue(Drafts.Fine(10m));
        var notice = fixture.Grains.GetGrain<IPaymentNoticeGrain>(issued.PayCode!);
        var details = (await notice.GetDetails())!.Details;

        // Grace is 30 days: 0.0003 × 10.00 × 30 = 0.09.
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

    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(1, "5.00")]
    [InlineData(19, "95.00")]
    [InlineData(20, "100.00")]
    [InlineData(45, "100.00")]
    public void The_late_fee_is_a_daily_rate_capped_at_the_notice_amount(int daysLate, string expected)
    {
        var due = new DateOnly(2026, 3, 12);
        var notice = new NoticeContent("32068226010000000013", "0104901", "u", "320682", due.AddDays(-10), due, due.AddDays(60),
            new Payer("p"), new Payee("a", "n", "0105", "b", 1), [], 100m, 0.05m, "op", null, false, null);

        Assert.Equal(expected, Abstractions.Money.MoneyMath.Format(Grains.Notices.AmountDue.LateFee(notice, due.AddDays(daysLate))));
    }

    [Fact]
    public void The_late_fee_rounds_half_up_to_the_cent()
    {
        var due = new DateOnly(2026, 3, 12);
        // 0.0005 × 33.00 × 1 = 0.0165 → 0.02
        var notice = new NoticeContent("32068226010000000013", "0104901", "u", "320682", due.AddDays(-10), due, due.AddDays(60),
            new Payer("p"), new Payee("a", "n", "0105", "b", 1), [], 33m, 0.0005m, "op", null, false, null);

        Assert.Equal(0.02m, Grains.Notices.AmountDue.LateFee(notice, due.AddDays(1)));
    }
}
