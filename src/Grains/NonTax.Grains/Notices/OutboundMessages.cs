using System.Globalization;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Refunds;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Notices;

/// <summary>
/// The notice's outbound instructions, each built from its typed voucher so the field order and
/// rules are the protocol library's, not a second copy here.
/// </summary>
internal static class OutboundMessages
{
    /// <summary>5617 technical refund to the bank that took the duplicate.</summary>
    public static OutboundInstruction RefundInstruction(string payCode, TechnicalRefund refund, ConfirmedPayment duplicate, DateTimeOffset at) =>
        OutboundInstruction.Of(
            refund.RefundNo,
            MsgNos.RefundInstruction,
            refund.RefundNo,
            new Protocol.Vouchers.Collection.RefundInstruction(
                refund.RefundNo,
                Protocol.Vouchers.Collection.RefundInstruction.Technical,
                payCode,
                refund.OriTraNoBus,
                refund.OriCfmDate,
                refund.Amount,
                duplicate.PayerName,
                duplicate.PayerAcct ?? "",
                duplicate.PayerOpBk ?? "",
                refund.Reason),
            at);

    /// <summary>5617 business refund to the refund-reserve bank, of the notice's revenue payment.</summary>
    public static OutboundInstruction BusinessRefundInstruction(string payCode, BusinessRefund refund, ConfirmedPayment revenue, DateTimeOffset at) =>
        OutboundInstruction.Of(
            refund.RefundNo,
            MsgNos.RefundInstruction,
            refund.RefundNo,
            new Protocol.Vouchers.Collection.RefundInstruction(
                refund.RefundNo,
                Protocol.Vouchers.Collection.RefundInstruction.Business,
                payCode,
                revenue.TraNoBus,
                revenue.CfmDate,
                refund.Amount,
                revenue.PayerName,
                revenue.PayerAcct ?? "",
                revenue.PayerOpBk ?? "",
                refund.Reason),
            at);

    /// <summary>5996 payment confirmation to the unit platform that issued a Hold1 = Y notice (2612 fields).</summary>
    public static OutboundInstruction UnitConfirmation(ConfirmedPayment c, DateTimeOffset at) =>
        OutboundInstruction.Of(
            $"C{c.PayCode}",
            MsgNos.UnitPaymentConfirmation,
            c.PayCode,
            new Protocol.Vouchers.Collection.PaymentConfirmation(
                c.PayCode,
                c.CfmDate,
                TimeOnly.ParseExact(c.CfmTime, "HHmmss", CultureInfo.InvariantCulture),
                c.Amount,
                c.BankOutlet ?? "",
                c.Operator ?? "",
                int.Parse(c.PayMode, CultureInfo.InvariantCulture),
                c.TraNoBus,
                c.PayerName,
                c.PayerAcct ?? "",
                c.PayerOpBk ?? "",
                c.PayerOpBkNo ?? "",
                string.IsNullOrEmpty(c.RecAcctType) ? Protocol.Vouchers.Collection.NoticeDetails.LedgerSubject : int.Parse(c.RecAcctType, CultureInfo.InvariantCulture),
                c.RecAcct ?? ""),
            at);
}
