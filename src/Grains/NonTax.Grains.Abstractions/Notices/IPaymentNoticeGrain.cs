using NonTax.Grains.Abstractions.EBills;
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
    /// <remarks>A bank waits on it: 5 s, then the edge tries again on the survivors (docs/operations.md "Cluster timeouts").</remarks>
    [ResponseTimeout("00:00:05")]
    Task<NoticeQuote> Query(DateOnly asOf, string? checkCode = null);

    /// <summary>
    /// Applies a payment confirmation; the outcome is durable before it returns, its hand-overs
    /// (5996, technical refund) follow after the reply.
    /// </summary>
    /// <remarks>
    /// A bank waits on it: 5 s, then the edge tries again on the survivors, and the grain answers a
    /// retry with what it stored for the same (bank, TraNoBus) (docs/operations.md "Cluster timeouts").
    /// </remarks>
    [ResponseTimeout("00:00:05")]
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

    /// <summary>
    /// A unit starts a direct debit (划缴) of this unpaid notice from the account the payer
    /// authorised: the 5604 to that bank follows the reply. While a debit waits for its 2607 the
    /// same request returns it and starts nothing.
    /// </summary>
    Task<DirectDebitStart> StartDirectDebit(DirectDebitRequest request);

    /// <summary>
    /// The bank's 2607. A debit that took the money confirms the notice through the same
    /// first-confirmation-wins path as a 2612 from that bank (a notice already paid makes it a
    /// duplicate with a technical refund); the answer is that confirmation's. A repeat changes nothing.
    /// </summary>
    Task<ConfirmationOutcome> CompleteDirectDebit(DirectDebitReport report);

    /// <summary>Closes a technical or business refund with the bank's 2617 result (idempotent).</summary>
    Task<string> CompleteRefund(RefundOutcome result);

    /// <summary>
    /// Exchanges the paid notice for an e-bill (换开电子票据): takes the next number of
    /// <paramref name="billCode"/> from the unit's stock, has the bill built and signed (unit, then
    /// finance) and stores it. At most once: a notice that has its bill answers it again
    /// (<see cref="EBillOutcome.Repeated"/>), also when two exchanges race.
    /// </summary>
    Task<EBillOutcome> ExchangeEBill(string billCode, string operatorName);

    /// <summary>8981: the unit system's own signed bill for this notice, countersigned and stored if it checks out; at most once.</summary>
    Task<EBillOutcome> AcceptUnitEBill(UnitSignedEBill bill);

    /// <summary>Reverses the notice's e-bill with a red-letter bill (冲红) of its own number; once.</summary>
    Task<EBillOutcome> ReverseEBill(string operatorName, string reason);

    /// <summary>The full record, or null when no notice has this code.</summary>
    Task<NoticeRecord?> GetDetails();

    /// <summary>
    /// Hands over whatever the outbox still holds and returns when it is taken (or failed again).
    /// Called by the hand-over sweeper for notices whose pending_handovers row has outlived its grace.
    /// </summary>
    Task DeliverPending();
}
