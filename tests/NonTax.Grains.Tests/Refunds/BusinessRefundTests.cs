using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Refunds;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Tests.Refunds;

[Collection(ClusterCollection.Name)]
public sealed class BusinessRefundTests(ClusterFixture fixture)
{
    /// <summary>The refund-reserve bank the test silos are configured with (D3206820105, 中国建设银行如皋支行).</summary>
    public const string ReserveBank = "D3206820105";
    private const string Abc = "D3206820103";

    private IPaymentNoticeGrain Notice(string payCode) => fixture.Grains.GetGrain<IPaymentNoticeGrain>(payCode);

    private static string Tra() => Guid.NewGuid().ToString("N")[..20];

    private async Task<string> PaidLandNoticeAsync(decimal amount = 80m)
    {
        var issued = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit).Issue(Drafts.LandRegistration(amount));
        Assert.True(issued.Succeeded, issued.ResultCode);
        var paid = await Notice(issued.PayCode!).Confirm(Drafts.Payment(issued.PayCode!, Abc, Tra(), amount, fixture.Clock));
        Assert.Equal(ResultCodes.Success, paid.ResultCode);
        return issued.PayCode!;
    }

    private static RefundApplication Application(string no, decimal amount, string reason = "多缴退费") =>
        new(no, ClusterFixture.LandUnit, amount, reason, "unit-clerk");

    [Fact]
    public async Task Concurrent_applications_never_together_exceed_what_was_paid()
    {
        var payCode = await PaidLandNoticeAsync(80m);

        // 20 applications of 7.00 race for 80.00: exactly 11 (77.00) fit.
        var decisions = await Task.WhenAll(Enumerable.Range(1, 20)
            .Select(i => Notice(payCode).ApplyRefund(Application($"A{i:D3}", 7m))));

        var accepted = decisions.Where(d => d.Accepted).ToList();
        Assert.Equal(11, accepted.Count);
        Assert.All(decisions.Where(d => !d.Accepted), d => Assert.Equal(RefundDecisionOutcome.ExceedsRefundable, d.Outcome));
        Assert.Equal(77m, accepted.Sum(d => d.Refund!.Amount));
        Assert.Equal(11, accepted.Select(d => d.Refund!.RefundNo).Distinct().Count());
        var record = await Notice(payCode).GetDetails();
        Assert.Equal(77m, record!.BusinessRefunds!.Where(r => r.HoldsAmount).Sum(r => r.Amount));
        Assert.Equal(11, fixture.Store.FactsAbout(payCode).Count(f => f.Kind == "refund.applied"));

        // The last 3.00 can be applied for, not a cent more; a rejection frees its amount again.
        Assert.Equal(RefundDecisionOutcome.ExceedsRefundable, (await Notice(payCode).ApplyRefund(Application("B001", 3.01m))).Outcome);
        Assert.True((await Notice(payCode).ApplyRefund(Application("B002", 3m))).Accepted);
        var first = accepted[0].Refund!.RefundNo;
        Assert.True((await Notice(payCode).RejectRefund(first, "finance", "材料不全")).Accepted);
        var again = await Notice(payCode).ApplyRefund(Application("B003", 7m));
        Assert.True(again.Accepted);
        Assert.Equal(0m, again.Refundable);
    }

    [Fact]
    public async Task The_same_application_again_changes_nothing_and_a_reused_number_is_refused()
    {
        var payCode = await PaidLandNoticeAsync();
        var first = await Notice(payCode).ApplyRefund(Application("R-1", 30m));
        var facts = fixture.Store.FactsAbout(payCode).Count;

        var resend = await Notice(payCode).ApplyRefund(Application("R-1", 30m));
        var reused = await Notice(payCode).ApplyRefund(Application("R-1", 31m));

        Assert.True(first.Accepted);
        Assert.Equal($"B{payCode}01", first.Refund!.RefundNo);
        Assert.Equal(BusinessRefundStatus.Applied, first.Refund.Status);
        Assert.Equal(first.Refund, resend.Refund);
        Assert.True(resend.Accepted);
        Assert.Equal(RefundDecisionOutcome.ApplicationNoReused, reused.Outcome);
        Assert.Equal(facts, fixture.Store.FactsAbout(payCode).Count);
        Assert.Equal(50m, resend.Refundable);
    }

    [Fact]
    public async Task Applications_are_refused_for_unpaid_notices_other_units_and_malformed_fields()
    {
        var unpaid = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit).Issue(Drafts.LandRegistration());
        var payCode = await PaidLandNoticeAsync();

        Assert.Equal(RefundDecisionOutcome.NotPaid, (await Notice(unpaid.PayCode!).ApplyRefund(Application("X1", 1m))).Outcome);
        Assert.Equal(RefundDecisionOutcome.UnknownNotice, (await Notice("32068299999999999999").ApplyRefund(Application("X1", 1m))).Outcome);
        Assert.Equal(RefundDecisionOutcome.WrongUnit,
            (await Notice(payCode).ApplyRefund(Application("X1", 1m) with { UnitCode = ClusterFixture.SchoolUnit })).Outcome);
        Assert.Equal(RefundDecisionOutcome.Invalid, (await Notice(payCode).ApplyRefund(Application("X1", 0m))).Outcome);
        Assert.Equal(RefundDecisionOutcome.Invalid, (await Notice(payCode).ApplyRefund(Application("X1", 1.001m))).Outcome);
        Assert.Equal(RefundDecisionOutcome.Invalid, (await Notice(payCode).ApplyRefund(Application("X1", 1m, reason: " "))).Outcome);
        Assert.Equal(RefundDecisionOutcome.Invalid, (await Notice(payCode).ApplyRefund(Application(new string('9', 31), 1m))).Outcome);
        Assert.DoesNotContain(fixture.Store.FactsAbout(payCode), f => f.Kind.StartsWith("refund.", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Store.FactsAbout(unpaid.PayCode!), f => f.Kind.StartsWith("refund.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approval_hands_a_business_5617_to_the_reserve_bank_once_and_its_2617_closes_it_once()
    {
        var payCode = await PaidLandNoticeAsync();
        var refundNo = (await Notice(payCode).ApplyRefund(Application("R-2", 25.5m, "重复申报"))).Refund!.RefundNo;

        var approved = await Notice(payCode).ApproveRefund(refundNo, "finance", "同意");
        var instruction = await RecordingBankLinkGrain.HandedOverAsync(ReserveBank, i => i.BusinessNo == refundNo);
        var factsAfterApproval = fixture.Store.FactsAbout(payCode).Count;
        var approvedAgain = await Notice(payCode).ApproveRefund(refundNo, "finance2");

        Assert.Equal(BusinessRefundStatus.Approved, approved.Refund!.Status);
        Assert.Equal(ReserveBank, approved.Refund.BankNode);
        Assert.Equal(approved.Refund with { HandedOver = true }, approvedAgain.Refund);
        Assert.Equal(factsAfterApproval, fixture.Store.FactsAbout(payCode).Count);
        Assert.Equal("5617", instruction.MsgNo);
        Assert.Equal("2", instruction.Fields.Single(f => f.Name == "RefundType").Value);
        Assert.Equal("25.50", instruction.Fields.Single(f => f.Name == "Amt").Value);
        Assert.Equal("重复申报", instruction.Fields.Single(f => f.Name == "Reason").Value);
        var revenue = (await Notice(payCode).GetDetails())!.Revenue!.Confirmation;
        Assert.Equal(revenue.TraNoBus, instruction.Fields.Single(f => f.Name == "OriTraNoBus").Value);
        Assert.Equal(1, RecordingBankLinkGrain.Taken[refundNo]);

        Assert.Equal(RefundDecisionOutcome.AlreadyDecided, (await Notice(payCode).RejectRefund(refundNo, "finance", "改主意")).Outcome);
        var result = new RefundOutcome(refundNo, ResultCodes.Success, ChinaTime.Today(fixture.Clock), "RF1");
        Assert.Equal(ResultCodes.Success, await Notice(payCode).CompleteRefund(result));
        var factsAfterResult = fixture.Store.FactsAbout(payCode).Count;
        Assert.Equal(ResultCodes.Success, await Notice(payCode).CompleteRefund(result with { RefundTraNo = "RF2" }));

        var refund = (await Notice(payCode).GetDetails())!.BusinessRefunds!.Single();
        Assert.Equal(BusinessRefundStatus.Completed, refund.Status);
        Assert.Equal("RF1", refund.RefundTraNo);
        Assert.Equal(factsAfterResult, fixture.Store.FactsAbout(payCode).Count);
        Assert.Equal(["refund.applied", "refund.approved", "refund.completed"],
            fixture.Store.FactsAbout(payCode).Select(f => f.Kind).Where(k => k.StartsWith("refund.", StringComparison.Ordinal)));
        Assert.Equal(1, RecordingBankLinkGrain.Taken[refundNo]);
    }

    [Fact]
    public async Task A_rejected_refund_is_never_sent_and_a_failed_one_frees_its_amount()
    {
        var payCode = await PaidLandNoticeAsync();
        var rejectedNo = (await Notice(payCode).ApplyRefund(Application("R-3", 80m))).Refund!.RefundNo;

        Assert.True((await Notice(payCode).RejectRefund(rejectedNo, "finance", "不符合退付条件")).Accepted);
        Assert.True((await Notice(payCode).RejectRefund(rejectedNo, "finance", "again")).Accepted);
        Assert.Equal(RefundDecisionOutcome.AlreadyDecided, (await Notice(payCode).ApproveRefund(rejectedNo, "finance")).Outcome);
        Assert.Equal(ResultCodes.NotAllowed,
            await Notice(payCode).CompleteRefund(new RefundOutcome(rejectedNo, ResultCodes.Success, ChinaTime.Today(fixture.Clock), "X")));
        Assert.DoesNotContain(RecordingBankLinkGrain.For(ReserveBank), i => i.BusinessNo == rejectedNo);

        var failingNo = (await Notice(payCode).ApplyRefund(Application("R-4", 80m))).Refund!.RefundNo;
        await Notice(payCode).ApproveRefund(failingNo, "finance");
        await RecordingBankLinkGrain.HandedOverAsync(ReserveBank, i => i.BusinessNo == failingNo);
        Assert.Equal(ResultCodes.Success,
            await Notice(payCode).CompleteRefund(new RefundOutcome(failingNo, "40001", ChinaTime.Today(fixture.Clock), "X", "备用金不足")));

        var record = (await Notice(payCode).GetDetails())!;
        Assert.Equal([BusinessRefundStatus.Rejected, BusinessRefundStatus.Failed], record.BusinessRefunds!.Select(r => r.Status));
        Assert.True((await Notice(payCode).ApplyRefund(Application("R-5", 80m))).Accepted);
    }
}
