using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// One payment notice (缴款书), keyed by its 20-digit payment code. Serialises every state change
/// of the notice, so the first confirmation to arrive wins.
/// </summary>
public interface IPaymentNoticeGrain : IGrainWithStringKey
{
    /// <summary>Creates the notice; <c>10011</c> if the code is already used. Called by the collecting unit.</summary>
    Task<IssueResult> Issue(NoticeContent notice);

    /// <summary>
    /// The notice as of a CST date: <c>10001</c> unknown, <c>10007</c> wrong check code (checked only when one is given),
    /// <c>10004</c> expired; paid and void notices are answered with their status.
    /// </summary>
    Task<NoticeQuote> Query(DateOnly asOf, string? checkCode = null);

    /// <summary>
    /// Applies a payment confirmation; the outcome is durable before it returns, its hand-overs
    /// (5996, technical refund) follow after the reply.
    /// </summary>
    Task<ConfirmationOutcome> Confirm(ConfirmedPayment confirmation);

    /// <summary>Voids an unpaid notice (<c>10002</c> if paid; voiding twice is a no-op success).</summary>
    Task<string> Void(string operatorName, string reason);

    /// <summary>
    /// A unit applies for a business refund. The notice serialises applications, so concurrent ones
    /// never together exceed what was paid less what is refunded or reserved. The same
    /// ApplicationNo again returns the refund it created and changes nothing.
    /// </summary>
    Task<RefundDecision> ApplyRefund(RefundApplication application);

    /// <summary>Finance approves an applied business refund; its 5617 to the refund-reserve bank follows the reply (idempotent).</summary>
    Task<RefundDecision> ApproveRefund(string refundNo, string operatorName, string? note = null);

    /// <summary>Finance rejects an applied business refund, freeing its amount (idempotent).</summary>
    Task<RefundDecision> RejectRefund(string refundNo, string operatorName, string reason);

    /// <summary>Closes a technical or business refund with the bank's 2617 result (idempotent).</summary>
    Task<string> CompleteRefund(RefundOutcome result);

    /// <summary>The full record, or null when no notice has this code.</summary>
    Task<NoticeRecord?> GetDetails();

    /// <summary>
    /// Hands over whatever the outbox still holds and returns when it is taken (or failed again).
    /// Called by the hand-over sweeper for notices whose pending_handovers row has outlived its grace.
    /// </summary>
    Task DeliverPending();
}
