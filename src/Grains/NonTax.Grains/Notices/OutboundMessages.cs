using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Time;

namespace NonTax.Grains.Notices;

/// <summary>Builds the notice's outbound instructions in the voucher field order of spec/protocol.md.</summary>
internal static class OutboundMessages
{
    /// <summary>5617 technical refund to the bank that took the duplicate.</summary>
    public static OutboundInstruction RefundInstruction(string payCode, TechnicalRefund refund, PaymentConfirmation duplicate, DateTimeOffset at) =>
        new(refund.RefundNo, "5617", refund.RefundNo,
        [
            new("RefundNo", refund.RefundNo),
            new("RefundType", "1"),
            new("PayCode", payCode),
            new("OriTraNoBus", refund.OriTraNoBus),
            new("OriCfmDate", ChinaTime.ToYyyyMmDd(refund.OriCfmDate)),
            new("Amt", MoneyMath.Format(refund.Amount)),
            new("PayerName", duplicate.PayerName),
            new("PayerAcct", duplicate.PayerAcct ?? ""),
            new("PayerOpBk", duplicate.PayerOpBk ?? ""),
            new("Reason", refund.Reason),
        ],
        at);

    /// <summary>5996 payment confirmation to the unit platform that issued a Hold1 = Y notice (2612 fields).</summary>
    public static OutboundInstruction UnitConfirmation(PaymentConfirmation c, DateTimeOffset at)
    {
        var id = $"C{c.PayCode}";
        return new(id, "5996", c.PayCode,
        [
            new("PayCode", c.PayCode),
            new("CfmDate", ChinaTime.ToYyyyMmDd(c.CfmDate)),
            new("CfmTime", c.CfmTime),
            new("Amt", MoneyMath.Format(c.Amount)),
            new("BankOutlet", c.BankOutlet ?? ""),
            new("Operator", c.Operator ?? ""),
            new("PayMode", c.PayMode),
            new("TraNoBus", c.TraNoBus),
            new("PayerName", c.PayerName),
            new("PayerAcct", c.PayerAcct ?? ""),
            new("PayerOpBk", c.PayerOpBk ?? ""),
            new("PayerOpBkNo", c.PayerOpBkNo ?? ""),
            new("RecAcctType", c.RecAcctType ?? ""),
            new("RecAcct", c.RecAcct ?? ""),
            new("Hold1", ""),
            new("Hold2", ""),
        ],
        at);
    }
}
