namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>
/// One business refund (业务性退付) of a paid notice, as the notice grain keeps it. A notice holds
/// at most <c>MaxBusinessRefunds</c> of them; their history (who, when, the bank's answer) is in
/// the <c>business_refunds</c> projection.
/// </summary>
/// <param name="RefundNo">"B" + payment code + 2-digit sequence (23 characters), the 5617's RefundNo.</param>
/// <param name="ApplicationNo">The unit's own number for the application: applying again with it returns this refund.</param>
/// <param name="BankNode">The refund-reserve bank (退付备用金), fixed when finance approves.</param>
[GenerateSerializer, Immutable]
public sealed record BusinessRefund(
    [property: Id(0)] string RefundNo,
    [property: Id(1)] string ApplicationNo,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Reason,
    [property: Id(4)] string AppliedBy,
    [property: Id(5)] DateTimeOffset AppliedAt,
    [property: Id(6)] BusinessRefundStatus Status,
    [property: Id(7)] string? BankNode = null,
    [property: Id(8)] bool HandedOver = false,
    [property: Id(9)] string? DecidedBy = null,
    [property: Id(10)] DateTimeOffset? DecidedAt = null,
    [property: Id(11)] string? DecisionNote = null,
    [property: Id(12)] string? BankResult = null,
    [property: Id(13)] DateOnly? RefundDate = null,
    [property: Id(14)] string? RefundTraNo = null,
    [property: Id(15)] string? Information = null)
{
    /// <summary>Whether the amount counts against what may still be refunded (everything but rejected and failed).</summary>
    public bool HoldsAmount => Status is BusinessRefundStatus.Applied or BusinessRefundStatus.Approved or BusinessRefundStatus.Completed;
}
