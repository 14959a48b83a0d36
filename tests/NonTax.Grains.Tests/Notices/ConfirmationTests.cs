using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Tests.Notices;

[Collection(ClusterCollection.Name)]
public sealed class ConfirmationTests(ClusterFixture fixture)
{
    private const string Ccb = "D3206820105";
    private const string Abc = "D3206820103";

    private async Task<string> IssueLandNoticeAsync(NoticeDraft? draft = null)
    {
        var result = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit).Issue(draft ?? Drafts.LandRegistration());
        Assert.True(result.Succeeded, result.ResultCode);
        return result.PayCode!;
    }

    private IPaymentNoticeGrain Notice(string payCode) => fixture.Grains.GetGrain<IPaymentNoticeGrain>(payCode);

    private static string Tra() => Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task First_confirmation_is_revenue_and_a_resend_returns_the_same_answer_changing_nothing()
    {
        var payCode = await IssueLandNoticeAsync();
        var payment = Drafts.Payment(payCode, Ccb, Tra(), 80m, fixture.Clock);

        var first = await Notice(payCode).Confirm(payment);
        var facts = fixture.Store.FactsAbout(payCode).Count;
        var resend = await Notice(payCode).Confirm(payment);

        Assert.Equal(new ConfirmationOutcome(ResultCodes.Success), first);
        Assert.Equal(first, resend);
        Assert.Equal(facts, fixture.Store.FactsAbout(payCode).Count);
        var record = await Notice(payCode).GetDetails();
        Assert.Equal(NoticeStatus.Paid, record!.Details.Status);
        Assert.Empty(record.Duplicates);
    }

    [Fact]
    public async Task A_second_payment_from_the_same_bank_is_a_duplicate_with_a_refund_to_that_bank()
    {
        var payCode = await IssueLandNoticeAsync();
        await Notice(payCode).Confirm(Drafts.Payment(payCode, Ccb, Tra(), 80m, fixture.Clock));
        var secondTra = Tra();

        var duplicate = await Notice(payCode).Confirm(Drafts.Payment(payCode, Ccb, secondTra, 80m, fixture.Clock));

        Assert.Equal(ResultCodes.DuplicatePaymentRefunding, duplicate.ResultCode);
        Assert.True(duplicate.IsDuplicate);
        Assert.Equal($"T{payCode}01", duplicate.RefundNo);
        await RecordingBankLinkGrain.HandedOverAsync(Ccb, i => i.BusinessNo == duplicate.RefundNo);
        var instruction = Assert.Single(RecordingBankLinkGrain.For(Ccb), i => i.BusinessNo == duplicate.RefundNo);
        Assert.Equal("5617", instruction.MsgNo);
        Assert.Equal(["RefundNo", "RefundType", "PayCode", "OriTraNoBus", "OriCfmDate", "Amt", "PayerName", "PayerAcct", "PayerOpBk", "Reason"],
            instruction.Fields.Select(f => f.Name));
        Assert.Equal(secondTra, instruction.Fields.Single(f => f.Name == "OriTraNoBus").Value);
        Assert.Equal("80.00", instruction.Fields.Single(f => f.Name == "Amt").Value);
        Assert.Equal(["notice.issued", "notice.confirmed", "notice.duplicate", "refund.pending"],
            fixture.Store.FactsAbout(payCode).Select(f => f.Kind));
    }

    [Fact]
    public async Task A_bank_result_closes_the_refund_once()
    {
        var payCode = await IssueLandNoticeAsync();
        await Notice(payCode).Confirm(Drafts.Payment(payCode, Ccb, Tra(), 80m, fixture.Clock));
        var duplicate = await Notice(payCode).Confirm(Drafts.Payment(payCode, "G000001", Tra(), 80m, fixture.Clock, "51"));
        var result = new RefundOutcome(duplicate.RefundNo!, ResultCodes.Success, ChinaTime.Today(fixture.Clock), "R1");
        // A bank answers a 5617 it was sent: the refund is handed over (after the reply) first.
        await RecordingBankLinkGrain.HandedOverAsync("G000001", i => i.BusinessNo == duplicate.RefundNo);

        Assert.Equal(ResultCodes.Success, await Notice(payCode).CompleteRefund(result));
        Assert.Equal(ResultCodes.Success, await Notice(payCode).CompleteRefund(result));
        Assert.Equal(ResultCodes.MalformedField, await Notice(payCode).CompleteRefund(result with { RefundNo = "T0" }));

        var refund = Assert.Single((await Notice(payCode).GetDetails())!.Refunds);
        Assert.Equal(RefundStatus.Completed, refund.Status);
        Assert.Single(fixture.Store.FactsAbout(payCode), f => f.Kind == "refund.completed");
        Assert.Single(RecordingBankLinkGrain.For("G000001"), i => i.BusinessNo == duplicate.RefundNo);
    }

    [Fact]
    public async Task A_wrong_amount_is_refused_and_recorded_once()
    {
        var payCode = await IssueLandNoticeAsync();
        var payment = Drafts.Payment(payCode, Ccb, Tra(), 79.99m, fixture.Clock);

        var refused = await Notice(payCode).Confirm(payment);
        var again = await Notice(payCode).Confirm(payment);

        Assert.Equal(ResultCodes.AmountMismatch, refused.ResultCode);
        Assert.Equal(refused, again);
        Assert.Single(fixture.Store.FactsAbout(payCode), f => f.Kind == "notice.confirmation_refused");
        Assert.Equal(NoticeStatus.Unpaid, (await Notice(payCode).GetDetails())!.Details.Status);
        // The refusal claimed nothing: the same transaction number can still pay correctly.
        Assert.Equal(ResultCodes.Success, (await Notice(payCode).Confirm(payment with { Amount = 80m })).ResultCode);
    }

    [Fact]
    public async Task A_void_notice_refuses_payment_and_stays_void()
    {
        var payCode = await IssueLandNoticeAsync();
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit);

        Assert.Equal(ResultCodes.Success, await unit.VoidNotice(payCode, "clerk", "issued in error"));
        var refused = await Notice(payCode).Confirm(Drafts.Payment(payCode, Ccb, Tra(), 80m, fixture.Clock));
        var query = await Notice(payCode).Query(ChinaTime.Today(fixture.Clock));

        Assert.Equal(ResultCodes.NoticeVoid, refused.ResultCode);
        Assert.Equal(ResultCodes.Success, query.ResultCode);
        Assert.Equal(NoticeStatus.Void, query.Notice!.Status);
        Assert.Equal(ResultCodes.UnknownPayCode, await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.SchoolUnit).VoidNotice(payCode, "x", "not mine"));
    }

    [Fact]
    public async Task A_paid_notice_cannot_be_voided()
    {
        var payCode = await IssueLandNoticeAsync();
        await Notice(payCode).Confirm(Drafts.Payment(payCode, Ccb, Tra(), 80m, fixture.Clock));

        Assert.Equal(ResultCodes.AlreadyPaid, await Notice(payCode).Void("clerk", "too late"));
    }

    [Fact]
    public async Task An_unknown_code_is_refused_without_creating_state()
    {
        const string unknown = "32068226990000000017";

        var outcome = await Notice(unknown).Confirm(Drafts.Payment(unknown, Ccb, Tra(), 80m, fixture.Clock));
        var query = await Notice(unknown).Query(ChinaTime.Today(fixture.Clock));

        Assert.Equal(ResultCodes.UnknownPayCode, outcome.ResultCode);
        Assert.Equal(ResultCodes.UnknownPayCode, query.ResultCode);
        Assert.False(fixture.Store.HasState(unknown));
        Assert.Empty(fixture.Store.FactsAbout(unknown));
    }

    [Fact]
    public async Task A_transaction_number_reused_for_another_payment_is_refused_20003_and_changes_nothing()
    {
        var first = await IssueLandNoticeAsync();
        var second = await IssueLandNoticeAsync();
        var tra = Tra();
        await Notice(first).Confirm(Drafts.Payment(first, Ccb, tra, 80m, fixture.Clock));

        var otherCode = await Notice(second).Confirm(Drafts.Payment(second, Ccb, tra, 80m, fixture.Clock));
        var otherAmount = await Notice(first).Confirm(Drafts.Payment(first, Ccb, tra, 79m, fixture.Clock));

        Assert.Equal(ResultCodes.TraNoBusReused, otherCode.ResultCode);
        Assert.Equal(ResultCodes.TraNoBusReused, otherAmount.ResultCode);
        Assert.Equal(NoticeStatus.Unpaid, (await Notice(second).GetDetails())!.Details.Status);
        Assert.Single(fixture.Store.FactsAbout(second));
        // Nothing half-applied stayed in the grain: a fresh transaction pays it.
        Assert.Equal(ResultCodes.Success, (await Notice(second).Confirm(Drafts.Payment(second, Ccb, Tra(), 80m, fixture.Clock))).ResultCode);
    }

    [Fact]
    public async Task A_failed_write_leaves_nothing_applied_and_the_retry_succeeds()
    {
        var payCode = await IssueLandNoticeAsync();
        var payment = Drafts.Payment(payCode, Abc, Tra(), 80m, fixture.Clock);
        fixture.Store.FailNextWriteOf(payCode);

        await Assert.ThrowsAnyAsync<Exception>(() => Notice(payCode).Confirm(payment));
        Assert.Equal(NoticeStatus.Unpaid, (await Notice(payCode).GetDetails())!.Details.Status);

        Assert.Equal(ResultCodes.Success, (await Notice(payCode).Confirm(payment)).ResultCode);
        Assert.Single(fixture.Store.FactsAbout(payCode), f => f.Kind == "notice.confirmed");
    }

    [Fact]
    public async Task The_check_code_is_verified_when_given()
    {
        var payCode = await IssueLandNoticeAsync();
        var record = await Notice(payCode).GetDetails();
        var today = ChinaTime.Today(fixture.Clock);

        Assert.Equal(ResultCodes.Success, (await Notice(payCode).Query(today, record!.CheckCode)).ResultCode);
        Assert.Equal(ResultCodes.Success, (await Notice(payCode).Query(today)).ResultCode);
        var wrong = record.CheckCode == "2222" ? "3333" : "2222";
        Assert.Equal(ResultCodes.WrongCheckCode, (await Notice(payCode).Query(today, wrong)).ResultCode);
    }

    [Fact]
    public async Task A_paid_hold1_notice_sends_a_5996_to_the_issuing_unit_platform()
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit);
        const string supplied = "32068226019990000015";
        var issued = await unit.IssueWithCode(supplied, Drafts.LandRegistration() with { ConfirmBack = true, IssuerNode = ClusterFixture.UnitPlatform });
        Assert.True(issued.Succeeded);

        await Notice(supplied).Confirm(Drafts.Payment(supplied, Ccb, Tra(), 80m, fixture.Clock));

        await RecordingBankLinkGrain.HandedOverAsync(ClusterFixture.UnitPlatform, i => i.BusinessNo == supplied);
        var confirmation = Assert.Single(RecordingBankLinkGrain.For(ClusterFixture.UnitPlatform), i => i.BusinessNo == supplied);
        Assert.Equal(1, RecordingBankLinkGrain.Taken[$"C{supplied}"]);
        Assert.Equal("5996", confirmation.MsgNo);
        Assert.Equal("80.00", confirmation.Fields.Single(f => f.Name == "Amt").Value);
    }

    [Fact]
    public async Task A_refund_whose_hand_over_failed_and_whose_activation_was_lost_is_handed_over_once_by_the_sweep()
    {
        var payCode = await IssueLandNoticeAsync();
        await Notice(payCode).Confirm(Drafts.Payment(payCode, Ccb, Tra(), 80m, fixture.Clock));
        const string down = "D3206820199";
        var attemptsBefore = RecordingBankLinkGrain.Attempts.GetValueOrDefault(down);
        RecordingBankLinkGrain.Unreachable[down] = true;
        string refundNo;
        try
        {
            var duplicate = await Notice(payCode).Confirm(Drafts.Payment(payCode, down, Tra(), 80m, fixture.Clock));
            Assert.Equal(ResultCodes.DuplicatePaymentRefunding, duplicate.ResultCode);
            refundNo = duplicate.RefundNo!;

            // The bank was answered; the hand-over tried after the reply failed and left the row.
            await WaitUntilAsync(() => RecordingBankLinkGrain.Attempts.GetValueOrDefault(down) > attemptsBefore);
            Assert.Empty(RecordingBankLinkGrain.For(down));
            Assert.Contains(payCode, fixture.Store.PendingHandOvers.Keys);
        }
        finally
        {
            RecordingBankLinkGrain.Unreachable.TryRemove(down, out _);
        }

        // As after a crash: the activation, and with it its retry timer, is gone.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Empty(RecordingBankLinkGrain.For(down));

        var sweeper = fixture.Grains.GetGrain<IHandOverSweeperGrain>(IHandOverSweeperGrain.ClusterKey);
        Assert.True(await sweeper.Sweep() >= 1);

        Assert.Single(RecordingBankLinkGrain.For(down), i => i.BusinessNo == refundNo && i.MsgNo == "5617");
        Assert.Equal(1, RecordingBankLinkGrain.Taken[refundNo]);
        Assert.DoesNotContain(payCode, fixture.Store.PendingHandOvers.Keys);
        Assert.True(Assert.Single((await Notice(payCode).GetDetails())!.Refunds).HandedOver);

        // Nothing is pending any more, so a repeated prompt or sweep hands nothing over again.
        await Notice(payCode).DeliverPending();
        await sweeper.Sweep();
        Assert.Equal(1, RecordingBankLinkGrain.Taken[refundNo]);
    }

    [Fact]
    public async Task Confirm_answers_before_the_hand_over_and_the_row_lives_exactly_as_long_as_the_outbox()
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit);
        const string supplied = "32068226019990000023";
        var issued = await unit.IssueWithCode(supplied, Drafts.LandRegistration() with { ConfirmBack = true, IssuerNode = ClusterFixture.UnitPlatform });
        Assert.True(issued.Succeeded, issued.ResultCode);
        Assert.DoesNotContain(supplied, fixture.Store.PendingHandOvers.Keys);

        Assert.Equal(ResultCodes.Success, (await Notice(supplied).Confirm(Drafts.Payment(supplied, Ccb, Tra(), 80m, fixture.Clock))).ResultCode);

        await RecordingBankLinkGrain.HandedOverAsync(ClusterFixture.UnitPlatform, i => i.BusinessNo == supplied);
        await WaitUntilAsync(() => !fixture.Store.PendingHandOvers.ContainsKey(supplied));
        Assert.Equal(1, RecordingBankLinkGrain.Taken[$"C{supplied}"]);
        var stored = fixture.Store.StateOf<NonTax.Grains.Notices.PaymentNoticeState>(supplied);
        Assert.NotNull(stored);
        Assert.False(stored.HasUndelivered);
    }

    [Fact]
    public async Task Confirm_returns_while_the_link_still_holds_the_hand_over_which_is_delivered_once_released()
    {
        const string slow = "D3206820198";
        var payCode = await IssueLandNoticeAsync();
        await Notice(payCode).Confirm(Drafts.Payment(payCode, Ccb, Tra(), 80m, fixture.Clock));
        var attemptsBefore = RecordingBankLinkGrain.Attempts.GetValueOrDefault(slow);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        RecordingBankLinkGrain.Gates[slow] = gate;
        string refundNo;
        try
        {
            var duplicate = await Notice(payCode).Confirm(Drafts.Payment(payCode, slow, Tra(), 80m, fixture.Clock)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(ResultCodes.DuplicatePaymentRefunding, duplicate.ResultCode);
            refundNo = duplicate.RefundNo!;

            // Answered while the refund's hand-over is still inside the link.
            await WaitUntilAsync(() => RecordingBankLinkGrain.Attempts.GetValueOrDefault(slow) > attemptsBefore);
            Assert.Empty(RecordingBankLinkGrain.For(slow));
            Assert.Contains(payCode, fixture.Store.PendingHandOvers.Keys);
        }
        finally
        {
            gate.TrySetResult();
            RecordingBankLinkGrain.Gates.TryRemove(slow, out _);
        }

        await RecordingBankLinkGrain.HandedOverAsync(slow, i => i.BusinessNo == refundNo);
        await WaitUntilAsync(() => !fixture.Store.PendingHandOvers.ContainsKey(payCode));
        Assert.Equal(1, RecordingBankLinkGrain.Taken[refundNo]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition never held.");
            }

            await Task.Delay(20);
        }
    }
}
