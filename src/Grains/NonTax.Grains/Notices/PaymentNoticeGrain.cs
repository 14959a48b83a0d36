using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Refunds;
using NonTax.Grains.Hosting;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Notices;

/// <summary>
/// A payment notice. One call at a time, so the first confirmation to arrive wins; every outcome
/// is committed (state + facts + TraNoBus claim, one write) before the call returns. Side effects
/// (5617 refunds, 5996 confirmations) sit in the state as an outbox and are handed over after the
/// reply, in a later turn of this grain; a row in pending_handovers, written with the outbox,
/// lets the hand-over sweeper find the notice again if its silo dies first. The unit is not told:
/// what it needs of paid and void notices it reads from the projection (docs/architecture.md,
/// "Bounded state" and "The confirmation path").
/// </summary>
public sealed partial class PaymentNoticeGrain(
    [PersistentState("notice", StorageNames.Domain)] IPersistentState<PaymentNoticeState> state,
    TimeProvider clock,
    IOptions<OutboxOptions> outboxOptions,
    IOptions<RefundOptions> refundOptions,
    ILogger<PaymentNoticeGrain> logger) : Grain, IPaymentNoticeGrain, IRemindable
{
    internal const string TraNoBusScope = "tranobus";

    /// <summary>Registered by versions that retried hand-overs from a reminder; only ever removed now.</summary>
    private const string LegacyOutboxReminder = "outbox";

    private IGrainTimer? _handOverTimer;
    private TimeSpan? _handOverDue;

    /// <summary>Whether the stored state has undelivered items, i.e. whether its pending_handovers row exists.</summary>
    private bool _storedUndelivered;

    private string PayCode => this.GetPrimaryKeyString();
    private PaymentNoticeState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storedUndelivered = S.HasUndelivered;
        if (_storedUndelivered)
        {
            // After the first call's answer, like any hand-over: a bank's call that reactivated the
            // notice does not wait for what a crash left undelivered.
            ScheduleHandOver(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task<IssueResult> Issue(NoticeContent notice)
    {
        if (S.Notice is not null)
        {
            return new IssueResult(ResultCodes.PayCodeAlreadyUsed, PayCode, Information: "payment code already used");
        }

        if (notice.PayCode != PayCode)
        {
            return new IssueResult(ResultCodes.MalformedField, PayCode, Information: "PayCode");
        }

        var now = clock.GetUtcNow();
        S.Notice = notice;
        S.CheckCode = CheckCodes.NewCode();
        S.Status = NoticeStatus.Unpaid;
        S.Journal.Record(BusinessFact.Create(PayCode, PayCode, now, new NoticeIssued(
            PayCode, notice.UnitCode, notice.RegionCode, notice.IssueDate, notice.DueDate, notice.LastPayableDate, notice.Amount,
            notice.Payer.Name, notice.Payer.Type, notice.Payer.MobilePhone, notice.Payer.CreditCode, notice.Payee.AccountNo,
            notice.IssuerNode, notice.ConfirmBack, notice.OperatorName,
            [.. notice.Lines.Select(l => new NoticeIssued.Line(l.NationalItemCode, l.ItemCode, l.ItemName, l.UnitOfMeasure, l.Amount, l.Quantity))])));
        await CommitAsync();
        return new IssueResult(ResultCodes.Success, PayCode, S.CheckCode);
    }

    public Task<NoticeQuote> Query(DateOnly asOf, string? checkCode = null)
    {
        if (S.Notice is null)
        {
            return Task.FromResult(new NoticeQuote(ResultCodes.UnknownPayCode));
        }

        if (!CheckCodes.Matches(S.CheckCode, checkCode))
        {
            return Task.FromResult(new NoticeQuote(ResultCodes.WrongCheckCode));
        }

        var details = Describe(asOf);
        return Task.FromResult(details.IsExpired
            ? new NoticeQuote(ResultCodes.NoticeExpired, details)
            : new NoticeQuote(ResultCodes.Success, details));
    }

    public async Task<ConfirmationOutcome> Confirm(ConfirmedPayment c)
    {
        var decision = ConfirmationDecision.Decide(S, PayCode, c);
        if (decision.Path == ConfirmationPath.Answer)
        {
            return decision.Answer!;
        }

        var notice = S.Notice!;
        var key = ConfirmationDecision.ChannelKey(c.Src, c.TraNoBus);
        var now = clock.GetUtcNow();
        if (decision.Path == ConfirmationPath.Duplicate)
        {
            return await AcceptDuplicateAsync(c, key, now);
        }

        if (decision.Path == ConfirmationPath.Refusal)
        {
            return await RecordRefusalAsync(c, key, decision.Refusal!, notice, now);
        }

        var outcome = new ConfirmationOutcome(ResultCodes.Success);
        S.Status = NoticeStatus.Paid;
        S.SettledOn = c.CfmDate;
        S.Revenue = new ConfirmationRecord(c, outcome, now);
        if (notice.ConfirmBack && !string.IsNullOrEmpty(notice.IssuerNode))
        {
            S.Outbox.Add(new PendingInstruction(notice.IssuerNode, OutboundMessages.UnitConfirmation(c, now), HandedOver: false));
        }

        S.Journal.Record(BusinessFact.Create($"{PayCode}:{key}", PayCode, now, new NoticeConfirmed(c, notice)));
        S.Journal.Claim(TraNoBusClaim(c));
        if (!await TryCommitClaimingAsync())
        {
            return new ConfirmationOutcome(ResultCodes.TraNoBusReused, Information: "TraNoBus");
        }

        HandOverAfterReply();
        return outcome;
    }

    private async Task<ConfirmationOutcome> AcceptDuplicateAsync(ConfirmedPayment c, string key, DateTimeOffset now)
    {
        var refundNo = RefundNumbers.For(PayCode, S.Refunds.Count + 1);
        var outcome = new ConfirmationOutcome(ResultCodes.DuplicatePaymentRefunding, IsDuplicate: true, RefundNo: refundNo);
        var reason = $"重复缴款技术性退付 duplicate of {S.Revenue?.Confirmation.Src}/{S.Revenue?.Confirmation.TraNoBus}";
        var refund = new TechnicalRefund(refundNo, c.Src, c.Amount, reason, c.TraNoBus, c.CfmDate, RefundStatus.Pending, HandedOver: false);
        S.Duplicates.Add(new ConfirmationRecord(c, outcome, now));
        S.Refunds.Add(refund);
        var notice = S.Notice!;
        S.Journal.Record(BusinessFact.Create($"{PayCode}:{key}", PayCode, now, new NoticeDuplicate(c, notice, refundNo)));
        S.Journal.Record(BusinessFact.Create(refundNo, PayCode, now, new RefundPending(
            refundNo, RefundType: 1, PayCode, notice.UnitCode, Bank: c.Src, c.Src, c.TraNoBus, c.CfmDate, c.Amount, reason)));
        S.Journal.Claim(TraNoBusClaim(c));
        if (!await TryCommitClaimingAsync())
        {
            return new ConfirmationOutcome(ResultCodes.TraNoBusReused, Information: "TraNoBus");
        }

        HandOverAfterReply();
        return outcome;
    }

    private async Task<ConfirmationOutcome> RecordRefusalAsync(ConfirmedPayment c, string key, string refusal, NoticeContent notice, DateTimeOffset now)
    {
        // The answer is computed from the notice, never looked up, so it is the same for a resend
        // whether or not the attempt is still among the recent ones; only the write is skipped.
        var attempt = $"{key}/{refusal}/{MoneyMath.Format(c.Amount)}";
        if (!S.RecentRefusals.Contains(attempt))
        {
            S.RefusedCount++;
            S.RecentRefusals.Add(attempt);
            if (S.RecentRefusals.Count > PaymentNoticeState.MaxRecentRefusals)
            {
                S.RecentRefusals.RemoveAt(0);
            }

            // Beyond the recent ones the fact id makes the write add no second fact or row.
            S.Journal.Record(BusinessFact.Create($"{PayCode}:{attempt}", PayCode, now, new ConfirmationRefused(
                PayCode, notice.UnitCode, c.Src, c.TraNoBus, c.CfmDate, c.Amount, AmountDue.Total(notice, c.CfmDate), refusal)));
            await CommitAsync();
        }

        return new ConfirmationOutcome(refusal);
    }

    public async Task<string> Void(string operatorName, string reason)
    {
        switch (S.Status)
        {
            case NoticeStatus.Void:
                return ResultCodes.Success;
            case NoticeStatus.Paid:
                return ResultCodes.AlreadyPaid;
        }

        if (S.Notice is not { } notice)
        {
            return ResultCodes.UnknownPayCode;
        }

        var now = clock.GetUtcNow();
        S.Status = NoticeStatus.Void;
        S.SettledOn = ChinaTime.ToBusinessDate(now);
        S.Journal.Record(BusinessFact.Create(PayCode, PayCode, now, new NoticeVoided(
            PayCode, notice.UnitCode, notice.Amount, S.SettledOn.Value, operatorName, reason)));
        await CommitAsync();
        HandOverAfterReply();
        return ResultCodes.Success;
    }

    public async Task<RefundDecision> ApplyRefund(RefundApplication application)
    {
        if (S.Notice is not { } notice)
        {
            return new RefundDecision(RefundDecisionOutcome.UnknownNotice);
        }

        if (BusinessRefundRules.Invalid(application) is { } invalid)
        {
            return new RefundDecision(RefundDecisionOutcome.Invalid, Information: invalid, Refundable: S.Refundable);
        }

        if (application.UnitCode != notice.UnitCode)
        {
            return new RefundDecision(RefundDecisionOutcome.WrongUnit, Information: $"notice belongs to {notice.UnitCode}");
        }

        var reason = application.Reason.Trim();
        if (S.BusinessRefunds.FirstOrDefault(r => r.ApplicationNo == application.ApplicationNo) is { } earlier)
        {
            // The same application again (a retry after a lost answer) gets the refund it created.
            return earlier.Amount == application.Amount && earlier.Reason == reason
                ? new RefundDecision(RefundDecisionOutcome.Accepted, earlier, Refundable: S.Refundable)
                : new RefundDecision(RefundDecisionOutcome.ApplicationNoReused, earlier, $"application {application.ApplicationNo} was made for {MoneyMath.Format(earlier.Amount)}");
        }

        if (S.Status != NoticeStatus.Paid || S.Revenue is not { } revenue)
        {
            return new RefundDecision(RefundDecisionOutcome.NotPaid, Information: $"notice is {S.Status}");
        }

        var refundable = S.Refundable;
        if (application.Amount > refundable)
        {
            return new RefundDecision(RefundDecisionOutcome.ExceedsRefundable,
                Information: $"at most {MoneyMath.Format(refundable)} of {MoneyMath.Format(revenue.Confirmation.Amount)} paid can still be refunded", Refundable: refundable);
        }

        if (S.BusinessRefunds.Count >= PaymentNoticeState.MaxBusinessRefunds)
        {
            return new RefundDecision(RefundDecisionOutcome.TooManyRefunds,
                Information: $"a notice holds at most {PaymentNoticeState.MaxBusinessRefunds} business refunds", Refundable: refundable);
        }

        var now = clock.GetUtcNow();
        var paid = revenue.Confirmation;
        var refund = new BusinessRefund(RefundNumbers.ForBusiness(PayCode, S.BusinessRefunds.Count + 1), application.ApplicationNo,
            application.Amount, reason, application.OperatorName.Trim(), now, BusinessRefundStatus.Applied);
        S.BusinessRefunds.Add(refund);
        S.Journal.Record(BusinessFact.Create(refund.RefundNo, PayCode, now, new RefundApplied(
            refund.RefundNo, refund.ApplicationNo, PayCode, notice.UnitCode, refund.Amount, paid.Amount, refundable,
            paid.Src, paid.TraNoBus, paid.CfmDate, reason, refund.AppliedBy)));
        await CommitAsync();
        return new RefundDecision(RefundDecisionOutcome.Accepted, refund, Refundable: S.Refundable);
    }

    public async Task<RefundDecision> ApproveRefund(string refundNo, string operatorName, string? note = null)
    {
        var index = S.BusinessRefunds.FindIndex(r => r.RefundNo == refundNo);
        if (index < 0)
        {
            return new RefundDecision(RefundDecisionOutcome.UnknownRefund);
        }

        var refund = S.BusinessRefunds[index];
        switch (refund.Status)
        {
            case BusinessRefundStatus.Approved or BusinessRefundStatus.Completed or BusinessRefundStatus.Failed:
                return new RefundDecision(RefundDecisionOutcome.Accepted, refund, Refundable: S.Refundable);
            case BusinessRefundStatus.Rejected:
                return new RefundDecision(RefundDecisionOutcome.AlreadyDecided, refund, $"rejected by {refund.DecidedBy}");
        }

        if (string.IsNullOrWhiteSpace(operatorName))
        {
            return new RefundDecision(RefundDecisionOutcome.Invalid, refund, "operator is required");
        }

        var bank = refundOptions.Value.ReserveBank;
        if (string.IsNullOrWhiteSpace(bank))
        {
            return new RefundDecision(RefundDecisionOutcome.NoReserveBank, refund, "Refunds:ReserveBank is not configured");
        }

        var now = clock.GetUtcNow();
        var approved = refund with
        {
            Status = BusinessRefundStatus.Approved,
            BankNode = bank,
            HandedOver = false,
            DecidedBy = operatorName.Trim(),
            DecidedAt = now,
            DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        S.BusinessRefunds[index] = approved;
        S.Journal.Record(BusinessFact.Create(refundNo, PayCode, now, new RefundApproved(
            refundNo, PayCode, S.Notice!.UnitCode, bank, refund.Amount, approved.DecidedBy, approved.DecisionNote)));
        await CommitAsync();
        HandOverAfterReply();
        return new RefundDecision(RefundDecisionOutcome.Accepted, approved, Refundable: S.Refundable);
    }

    public async Task<RefundDecision> RejectRefund(string refundNo, string operatorName, string reason)
    {
        var index = S.BusinessRefunds.FindIndex(r => r.RefundNo == refundNo);
        if (index < 0)
        {
            return new RefundDecision(RefundDecisionOutcome.UnknownRefund);
        }

        var refund = S.BusinessRefunds[index];
        switch (refund.Status)
        {
            case BusinessRefundStatus.Rejected:
                return new RefundDecision(RefundDecisionOutcome.Accepted, refund, Refundable: S.Refundable);
            case not BusinessRefundStatus.Applied:
                return new RefundDecision(RefundDecisionOutcome.AlreadyDecided, refund, $"already {refund.Status} by {refund.DecidedBy}");
        }

        if (string.IsNullOrWhiteSpace(operatorName) || string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > BusinessRefundRules.MaxReasonLength)
        {
            return new RefundDecision(RefundDecisionOutcome.Invalid, refund, $"operator and a reason of 1–{BusinessRefundRules.MaxReasonLength} characters are required");
        }

        var now = clock.GetUtcNow();
        var rejected = refund with
        {
            Status = BusinessRefundStatus.Rejected,
            DecidedBy = operatorName.Trim(),
            DecidedAt = now,
            DecisionNote = reason.Trim(),
        };
        S.BusinessRefunds[index] = rejected;
        S.Journal.Record(BusinessFact.Create(refundNo, PayCode, now, new RefundRejected(
            refundNo, PayCode, S.Notice!.UnitCode, refund.Amount, rejected.DecidedBy, rejected.DecisionNote)));
        await CommitAsync();
        return new RefundDecision(RefundDecisionOutcome.Accepted, rejected, Refundable: S.Refundable);
    }

    public async Task<DirectDebitStart> StartDirectDebit(DirectDebitRequest request)
    {
        if (S.Notice is not { } notice)
        {
            return new DirectDebitStart(ResultCodes.UnknownPayCode);
        }

        if (request.UnitCode != notice.UnitCode)
        {
            return new DirectDebitStart(ResultCodes.NotAllowed, Information: $"notice belongs to {notice.UnitCode}");
        }

        if (S.DirectDebits.FirstOrDefault(d => d.Status == DirectDebitStatus.Requested) is { } inFlight)
        {
            return new DirectDebitStart(ResultCodes.Success, inFlight, "a direct debit is already waiting for the bank");
        }

        var today = ChinaTime.Today(clock);
        var refusal = S.Status switch
        {
            NoticeStatus.Paid => ResultCodes.AlreadyPaid,
            NoticeStatus.Void => ResultCodes.NoticeVoid,
            _ when AmountDue.IsExpired(notice, today) => ResultCodes.NoticeExpired,
            _ => null,
        };
        if (refusal is not null)
        {
            return new DirectDebitStart(refusal);
        }

        if (DirectDebitRules.Invalid(request) is { } invalid)
        {
            return new DirectDebitStart(ResultCodes.MalformedField, Information: invalid);
        }

        if (S.DirectDebits.Count >= PaymentNoticeState.MaxDirectDebits)
        {
            return new DirectDebitStart(ResultCodes.MalformedField, Information: $"a notice is debited at most {PaymentNoticeState.MaxDirectDebits} times");
        }

        var now = clock.GetUtcNow();
        var debit = new DirectDebit(DirectDebitNumbers.For(PayCode, S.DirectDebits.Count + 1), request.Bank, AmountDue.Total(notice, today),
            request.PayerName.Trim(), request.PayerAcct.Trim(), request.AuthNo.Trim(), request.OperatorName.Trim(), now, DirectDebitStatus.Requested);
        S.DirectDebits.Add(debit);
        S.Outbox.Add(new PendingInstruction(debit.Bank, OutboundMessages.DirectDebitInstruction(PayCode, debit, request.PayerOpBk, now), HandedOver: false));
        S.Journal.Record(BusinessFact.Create(debit.DebitNo, PayCode, now, new DirectDebitRequested(
            debit.DebitNo, PayCode, notice.UnitCode, debit.Bank, debit.Amount, debit.PayerAcct, debit.AuthNo, debit.RequestedBy)));
        await CommitAsync();
        HandOverAfterReply();
        return new DirectDebitStart(ResultCodes.Success, debit);
    }

    public async Task<ConfirmationOutcome> CompleteDirectDebit(DirectDebitReport report)
    {
        var index = S.DirectDebits.FindIndex(d => d.DebitNo == report.DebitNo);
        if (index < 0)
        {
            return new ConfirmationOutcome(ResultCodes.MalformedField, Information: "DebitNo: not a debit of this notice");
        }

        var debit = S.DirectDebits[index];
        if (debit.Bank != report.Src)
        {
            return new ConfirmationOutcome(ResultCodes.NotAllowed, Information: $"debit {debit.DebitNo} was not instructed to {report.Src}");
        }

        switch (debit.Status)
        {
            case DirectDebitStatus.Debited:
                return debit.Outcome!;
            case DirectDebitStatus.Failed:
                return new ConfirmationOutcome(ResultCodes.Success);
        }

        ConfirmationOutcome outcome;
        if (report.Result == ResultCodes.Success)
        {
            // The debited money is a confirmation from that bank like any 2612: the first to arrive
            // wins, a later one is a duplicate refunded. Its own write, then the debit's.
            var notice = S.Notice!;
            outcome = await Confirm(new ConfirmedPayment(PayCode, report.Src, report.TraNoBus, report.DebitDate, report.DebitTime, report.Amount,
                DirectDebitNumbers.PayMode, debit.PayerName, report.BankOutlet, "direct-debit", debit.PayerAcct, RecAcctType: null, RecAcct: notice.Payee.AccountNo));
        }
        else
        {
            outcome = new ConfirmationOutcome(ResultCodes.Success);
        }

        var now = clock.GetUtcNow();
        var debited = report.Result == ResultCodes.Success;
        S.DirectDebits[index] = debit with
        {
            Status = debited ? DirectDebitStatus.Debited : DirectDebitStatus.Failed,
            BankResult = report.Result,
            TraNoBus = report.TraNoBus,
            Information = report.Information,
            Outcome = debited ? outcome : null,
        };
        S.Journal.Record(BusinessFact.Create(debit.DebitNo, PayCode, now, new DirectDebitFinished(
            debit.DebitNo, PayCode, debit.Bank, report.Result, report.Amount, report.DebitDate, report.TraNoBus,
            debited ? outcome.ResultCode : null, report.Information)));
        await CommitAsync();
        return outcome;
    }

    public Task<string> CompleteRefund(RefundOutcome result) =>
        RefundNumbers.IsBusiness(result.RefundNo) ? CompleteBusinessRefundAsync(result) : CompleteTechnicalRefundAsync(result);

    private async Task<string> CompleteBusinessRefundAsync(RefundOutcome result)
    {
        var index = S.BusinessRefunds.FindIndex(r => r.RefundNo == result.RefundNo);
        if (index < 0)
        {
            return ResultCodes.MalformedField;
        }

        var refund = S.BusinessRefunds[index];
        switch (refund.Status)
        {
            case BusinessRefundStatus.Completed or BusinessRefundStatus.Failed:
                return ResultCodes.Success;
            case not BusinessRefundStatus.Approved:
                // Never instructed: no bank can have a result for it.
                return ResultCodes.NotAllowed;
        }

        var done = result.Result == ResultCodes.Success;
        var now = clock.GetUtcNow();
        S.BusinessRefunds[index] = refund with
        {
            Status = done ? BusinessRefundStatus.Completed : BusinessRefundStatus.Failed,
            HandedOver = true,
            BankResult = result.Result,
            RefundDate = result.RefundDate,
            RefundTraNo = result.RefundTraNo,
            Information = result.Information,
        };
        var bank = refund.BankNode!;
        S.Journal.Record(done
            ? BusinessFact.Create(refund.RefundNo, PayCode, now, new RefundCompleted(refund.RefundNo, PayCode, bank, refund.Amount, result))
            : BusinessFact.Create(refund.RefundNo, PayCode, now, new RefundFailed(refund.RefundNo, PayCode, bank, refund.Amount, result)));
        await CommitAsync();
        return ResultCodes.Success;
    }

    private async Task<string> CompleteTechnicalRefundAsync(RefundOutcome result)
    {
        var index = S.Refunds.FindIndex(r => r.RefundNo == result.RefundNo);
        if (index < 0)
        {
            return ResultCodes.MalformedField;
        }

        var refund = S.Refunds[index];
        if (refund.Status != RefundStatus.Pending)
        {
            return ResultCodes.Success;
        }

        var done = result.Result == ResultCodes.Success;
        var now = clock.GetUtcNow();
        S.Refunds[index] = refund with
        {
            Status = done ? RefundStatus.Completed : RefundStatus.Failed,
            HandedOver = true,
            BankResult = result.Result,
            RefundDate = result.RefundDate,
            RefundTraNo = result.RefundTraNo,
            Information = result.Information,
        };
        S.Journal.Record(done
            ? BusinessFact.Create(refund.RefundNo, PayCode, now, new RefundCompleted(refund, PayCode, result))
            : BusinessFact.Create(refund.RefundNo, PayCode, now, new RefundFailed(refund, PayCode, result)));
        await CommitAsync();
        return ResultCodes.Success;
    }

    public Task<NoticeRecord?> GetDetails()
    {
        if (S.Notice is null)
        {
            return Task.FromResult<NoticeRecord?>(null);
        }

        return Task.FromResult<NoticeRecord?>(new NoticeRecord(
            Describe(ChinaTime.Today(clock)), S.CheckCode, S.Revenue, [.. S.Duplicates], [.. S.Refunds], S.RefusedCount, [.. S.BusinessRefunds], [.. S.DirectDebits],
            S.EBill, S.RedLetterEBill));
    }

    public Task DeliverPending() => S.HasUndelivered ? DeliverOutboxAsync() : Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != LegacyOutboxReminder)
        {
            return;
        }

        await DeliverPending();
        try
        {
            // Retries are timers and the sweep now; a reminder left by an older version goes away.
            if (await this.GetReminder(LegacyOutboxReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not remove the old outbox reminder of {PayCode}; it will fire again", PayCode);
        }
    }

    private NoticeAsOf Describe(DateOnly asOf) => NoticeDescription.Of(S, asOf);

    private static UniqueClaim TraNoBusClaim(ConfirmedPayment c) =>
        new(TraNoBusScope, ConfirmationDecision.ChannelKey(c.Src, c.TraNoBus), $"{c.PayCode}|{MoneyMath.Format(c.Amount)}");

    /// <summary>Commits; a TraNoBus claim held by another payment means 20003 and nothing applied.</summary>
    private async Task<bool> TryCommitClaimingAsync()
    {
        try
        {
            await CommitAsync();
            return true;
        }
        catch (Exception ex) when (JournaledCommit.FindClaimConflict(ex) is { Scope: TraNoBusScope })
        {
            return false;
        }
    }

    /// <summary>
    /// Commits, keeping the notice's pending_handovers row in step with the stored outbox in the
    /// same transaction: present while anything is undelivered, deleted by the write that empties it.
    /// </summary>
    private async Task CommitAsync()
    {
        if (S.HasUndelivered)
        {
            S.Journal.MarkHandOver(new HandOverMark(PayCode, Pending: true));
        }
        else if (_storedUndelivered)
        {
            S.Journal.MarkHandOver(new HandOverMark(PayCode, Pending: false));
        }

        try
        {
            await state.CommitAsync(DeactivateOnIdle);
        }
        finally
        {
            // After a failure the state was read back, so this is what storage holds either way.
            _storedUndelivered = S.HasUndelivered;
        }
    }

    /// <summary>
    /// Answer first: the hand-overs run in a later turn of this grain (a one-shot timer, not
    /// interleaved with calls), so the caller is answered once the outcome is durable.
    /// </summary>
    private void HandOverAfterReply()
    {
        if (S.HasUndelivered)
        {
            ScheduleHandOver(TimeSpan.Zero);
        }
    }

    private void ScheduleHandOver(TimeSpan dueTime)
    {
        if (_handOverDue is { } scheduled && scheduled <= dueTime)
        {
            return;
        }

        _handOverTimer?.Dispose();
        _handOverDue = dueTime;
        _handOverTimer = this.RegisterGrainTimer(
            _ => HandOverTurnAsync(),
            new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));
    }

    private Task HandOverTurnAsync()
    {
        _handOverTimer?.Dispose();
        _handOverTimer = null;
        _handOverDue = null;
        return DeliverOutboxAsync();
    }

    /// <summary>
    /// Hands every undelivered item over; each receiver is idempotent on the item's id. Once all
    /// are taken, one write stores the marks and deletes the pending_handovers row; while any
    /// fails, a timer retries in this activation and the sweep after a crash.
    /// </summary>
    private async Task DeliverOutboxAsync()
    {
        var failed = false;
        var handed = false;
        for (var i = 0; i < S.Refunds.Count; i++)
        {
            var refund = S.Refunds[i];
            if (refund.Status != RefundStatus.Pending || refund.HandedOver)
            {
                continue;
            }

            var duplicate = S.Duplicates.First(d => d.Outcome.RefundNo == refund.RefundNo).Confirmation;
            var instruction = OutboundMessages.RefundInstruction(PayCode, refund, duplicate, clock.GetUtcNow());
            if (await TryHandAsync(refund.BankNode, instruction))
            {
                S.Refunds[i] = refund with { HandedOver = true };
                handed = true;
            }
            else
            {
                failed = true;
            }
        }

        for (var i = 0; i < S.BusinessRefunds.Count; i++)
        {
            var refund = S.BusinessRefunds[i];
            if (refund.Status != BusinessRefundStatus.Approved || refund.HandedOver)
            {
                continue;
            }

            var instruction = OutboundMessages.BusinessRefundInstruction(PayCode, refund, S.Revenue!.Confirmation, clock.GetUtcNow());
            if (await TryHandAsync(refund.BankNode!, instruction))
            {
                S.BusinessRefunds[i] = refund with { HandedOver = true };
                handed = true;
            }
            else
            {
                failed = true;
            }
        }

        for (var i = 0; i < S.Outbox.Count; i++)
        {
            var item = S.Outbox[i];
            if (item.HandedOver)
            {
                continue;
            }

            if (await TryHandAsync(item.TargetNode, item.Instruction))
            {
                S.Outbox[i] = item with { HandedOver = true };
                handed = true;
            }
            else
            {
                failed = true;
            }
        }

        if (handed && !failed)
        {
            try
            {
                await CommitAsync();
            }
            catch (Exception ex)
            {
                // The state was read back: the items count as undelivered again and go again.
                logger.LogWarning(ex, "Could not store the hand-overs of {PayCode}; will hand over again", PayCode);
                failed = true;
            }
        }

        if (failed)
        {
            ScheduleHandOver(outboxOptions.Value.RetryPeriod);
        }
    }

    private async Task<bool> TryHandAsync(string node, OutboundInstruction instruction)
    {
        try
        {
            await GrainFactory.GetGrain<IBankLinkGrain>(node).Enqueue(instruction);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not hand {MsgNo} {Id} to {Node}; will retry", instruction.MsgNo, instruction.InstructionId, node);
            return false;
        }
    }
}
