using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Notices;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Tests.Notices;

/// <summary>The confirmation rules on their own: which answer, in which order, from the notice's state.</summary>
public sealed class ConfirmationDecisionTests
{
    private const string PayCode = "32068226010000000018";
    private const string Bank = "D3206820105";
    private static readonly DateOnly DueDate = new(2026, 3, 31);

    private static readonly NoticeContent Notice = new(PayCode, "0999001", "Unit", "320682", new DateOnly(2026, 3, 1), DueDate,
        LastPayableDate: DueDate.AddDays(10), new Payer("张三"), new Payee("3206820001", "Fiscal", "105", "Bank", 1),
        Lines: [], Amount: 100m, LateFeeDailyRate: 0.001m, "clerk", Memo: null, ConfirmBack: false, IssuerNode: null);

    private static ConfirmedPayment Payment(string traNoBus, decimal amount, DateOnly? on = null) =>
        new(PayCode, Bank, traNoBus, on ?? DueDate, "101500", amount, "02", "张三");

    private static PaymentNoticeState Unpaid() => new() { Notice = Notice, Status = NoticeStatus.Unpaid };

    private static PaymentNoticeState PaidBy(ConfirmedPayment c) => new()
    {
        Notice = Notice,
        Status = NoticeStatus.Paid,
        Revenue = new ConfirmationRecord(c, new ConfirmationOutcome(ResultCodes.Success), DateTimeOffset.UnixEpoch),
    };

    [Fact]
    public void An_unknown_code_is_answered_10001_whatever_the_request_says()
    {
        var decision = ConfirmationDecision.Decide(new PaymentNoticeState(), PayCode, Payment("T1", -1m) with { PayCode = "other" });

        Assert.Equal(ConfirmationPath.Answer, decision.Path);
        Assert.Equal(ResultCodes.UnknownPayCode, decision.Answer!.ResultCode);
    }

    [Theory]
    [InlineData("32068226010000000026", 100, "PayCode")]
    [InlineData(PayCode, -1, "Amt")]
    [InlineData(PayCode, 100.001, "Amt")]
    public void A_request_for_another_code_or_with_an_invalid_amount_is_malformed(string payCode, decimal amount, string field)
    {
        var decision = ConfirmationDecision.Decide(Unpaid(), PayCode, Payment("T1", amount) with { PayCode = payCode });

        Assert.Equal(ConfirmationPath.Answer, decision.Path);
        Assert.Equal(ResultCodes.MalformedField, decision.Answer!.ResultCode);
        Assert.Equal(field, decision.Answer.Information);
    }

    [Fact]
    public void On_an_unpaid_notice_the_amount_due_on_the_CfmDate_is_revenue()
    {
        Assert.Equal(ConfirmationPath.Revenue, ConfirmationDecision.Decide(Unpaid(), PayCode, Payment("T1", 100m)).Path);
        // Two days late: 0.001 × 100.00 × 2 = 0.20 late fee.
        Assert.Equal(ConfirmationPath.Revenue, ConfirmationDecision.Decide(Unpaid(), PayCode, Payment("T1", 100.20m, DueDate.AddDays(2))).Path);
    }

    [Fact]
    public void A_resend_gets_the_stored_answer_and_a_reused_TraNoBus_with_another_amount_20003()
    {
        var first = Payment("T1", 100m);
        var paid = PaidBy(first);

        var resend = ConfirmationDecision.Decide(paid, PayCode, first);
        var reused = ConfirmationDecision.Decide(paid, PayCode, first with { Amount = 99m });

        Assert.Equal(ConfirmationPath.Answer, resend.Path);
        Assert.Same(paid.Revenue!.Outcome, resend.Answer);
        Assert.Equal(ConfirmationPath.Answer, reused.Path);
        Assert.Equal(ResultCodes.TraNoBusReused, reused.Answer!.ResultCode);
    }

    [Fact]
    public void A_resent_duplicate_gets_its_stored_refund_answer_not_a_second_refund()
    {
        var duplicate = Payment("T2", 100m) with { Src = "D3206820201" };
        var stored = new ConfirmationOutcome(ResultCodes.DuplicatePaymentRefunding, IsDuplicate: true, RefundNo: RefundNumbers.For(PayCode, 1));
        var state = PaidBy(Payment("T1", 100m));
        state.Duplicates.Add(new ConfirmationRecord(duplicate, stored, DateTimeOffset.UnixEpoch));

        var decision = ConfirmationDecision.Decide(state, PayCode, duplicate);

        Assert.Equal(ConfirmationPath.Answer, decision.Path);
        Assert.Same(stored, decision.Answer);
    }

    [Fact]
    public void The_same_TraNoBus_from_another_bank_is_another_payment()
    {
        var paid = PaidBy(Payment("T1", 100m));

        var decision = ConfirmationDecision.Decide(paid, PayCode, Payment("T1", 100m) with { Src = "D3206820201" });

        Assert.Equal(ConfirmationPath.Duplicate, decision.Path);
    }

    [Fact]
    public void A_new_payment_of_a_paid_notice_is_a_duplicate_even_if_late_or_of_another_amount()
    {
        var paid = PaidBy(Payment("T1", 100m));

        Assert.Equal(ConfirmationPath.Duplicate, ConfirmationDecision.Decide(paid, PayCode, Payment("T2", 5m, DueDate.AddDays(60))).Path);
    }

    [Fact]
    public void Refusals_come_in_order_void_then_expired_then_wrong_amount()
    {
        var expiredDay = Notice.LastPayableDate.AddDays(1);
        var voided = Unpaid();
        voided.Status = NoticeStatus.Void;

        Assert.Equal(ResultCodes.NoticeVoid, ConfirmationDecision.Decide(voided, PayCode, Payment("T1", 1m, expiredDay)).Refusal);
        Assert.Equal(ResultCodes.NoticeExpired, ConfirmationDecision.Decide(Unpaid(), PayCode, Payment("T1", 1m, expiredDay)).Refusal);
        Assert.Equal(ResultCodes.AmountMismatch, ConfirmationDecision.Decide(Unpaid(), PayCode, Payment("T1", 100m, DueDate.AddDays(2))).Refusal);
        Assert.All(
            new[] { ConfirmationDecision.Decide(voided, PayCode, Payment("T1", 100m)), ConfirmationDecision.Decide(Unpaid(), PayCode, Payment("T1", 99m)) },
            d => Assert.Equal(ConfirmationPath.Refusal, d.Path));
    }

    [Fact]
    public void A_refund_number_names_its_notice()
    {
        var refundNo = RefundNumbers.For(PayCode, 3);

        Assert.Equal($"T{PayCode}03", refundNo);
        Assert.Equal(PayCode, RefundNumbers.PayCodeOf(refundNo));
    }
}
