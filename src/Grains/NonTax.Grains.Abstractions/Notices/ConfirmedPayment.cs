namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// A payment a bank or the public payment platform says it took (2612), as the notice grain
/// receives it; the wire voucher is <c>NonTax.Protocol.Vouchers.Collection.PaymentConfirmation</c>.
/// </summary>
/// <param name="Src">The sending node (D…, G000001, Q…).</param>
/// <param name="TraNoBus">The channel's transaction number, unique within <paramref name="Src"/>.</param>
/// <param name="CfmDate">CST date the money was taken; the amount due is the one on this date.</param>
/// <param name="CfmTime">HHmmss.</param>
/// <param name="Amount">Amount taken, late fee included.</param>
// Renamed from PaymentConfirmation; the alias keeps the old type name so stored notice state and
// older silos still resolve it.
[GenerateSerializer, Immutable, Alias("NonTax.Grains.Abstractions.Notices.PaymentConfirmation")]
public sealed record ConfirmedPayment(
    [property: Id(0)] string PayCode,
    [property: Id(1)] string Src,
    [property: Id(2)] string TraNoBus,
    [property: Id(3)] DateOnly CfmDate,
    [property: Id(4)] string CfmTime,
    [property: Id(5)] decimal Amount,
    [property: Id(6)] string PayMode,
    [property: Id(7)] string PayerName,
    [property: Id(8)] string? BankOutlet = null,
    [property: Id(9)] string? Operator = null,
    [property: Id(10)] string? PayerAcct = null,
    [property: Id(11)] string? PayerOpBk = null,
    [property: Id(12)] string? PayerOpBkNo = null,
    [property: Id(13)] string? RecAcctType = null,
    [property: Id(14)] string? RecAcct = null);
