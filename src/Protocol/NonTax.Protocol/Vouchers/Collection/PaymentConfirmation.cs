using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 2612 (bank → finance) / 5996 (finance → unit when the notice had Hold1 = Y): a payment was
/// taken. Amt includes the late fee. TraNoBus is unique within the sending bank.
/// RecAcct may be empty only for RecAcctType 3.
/// </summary>
public sealed record PaymentConfirmation(
    string PayCode,
    DateOnly CfmDate,
    TimeOnly CfmTime,
    decimal Amt,
    string BankOutlet,
    string Operator,
    int PayMode,
    string TraNoBus,
    string PayerName,
    string PayerAcct,
    string PayerOpBk,
    string PayerOpBkNo,
    int RecAcctType,
    string RecAcct,
    string Hold1 = "",
    string Hold2 = "") : ITypedVoucher<PaymentConfirmation>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        NoticeFieldSpecs.PayCode,
        FieldSpec.M("CfmDate", FieldType.Date),
        FieldSpec.M("CfmTime", FieldType.Time),
        NoticeFieldSpecs.Amt,
        FieldSpec.M("BankOutlet", FieldType.String, 1, 20),
        FieldSpec.M("Operator", FieldType.GBString, 1, 20),
        FieldSpec.M("PayMode", FieldType.Code, 1, 2),
        FieldSpec.M("TraNoBus", FieldType.String, 1, 50),
        FieldSpec.M("PayerName", FieldType.GBString, 1, 100),
        FieldSpec.C("PayerAcct", FieldType.String, 0, 50),
        FieldSpec.C("PayerOpBk", FieldType.GBString, 0, 100),
        FieldSpec.C("PayerOpBkNo", FieldType.String, 0, 20),
        NoticeFieldSpecs.RecAcctType,
        FieldSpec.C("RecAcct", FieldType.String, 0, 50),
        NoticeFieldSpecs.Hold1,
        NoticeFieldSpecs.Hold2,
    ]);

    /// <inheritdoc />
    public static ProtocolResult<PaymentConfirmation> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new PaymentConfirmation(
            r.Text("PayCode"), r.Date("CfmDate"), r.Time("CfmTime"), r.Money("Amt"), r.Text("BankOutlet"), r.Text("Operator"),
            r.Code("PayMode"), r.Text("TraNoBus"), r.Text("PayerName"), r.Text("PayerAcct"), r.Text("PayerOpBk"),
            r.Text("PayerOpBkNo"), r.Code("RecAcctType"), r.Text("RecAcct"), r.Text("Hold1"), r.Text("Hold2")),
        c => c.RecAcctType != NoticeDetails.LedgerSubject && c.RecAcct.Length == 0
            ? ProtocolError.InvalidField("RecAcct", "required unless RecAcctType is 3")
            : null);

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("PayCode", PayCode).Date("CfmDate", CfmDate).Time("CfmTime", CfmTime).Money("Amt", Amt)
        .Text("BankOutlet", BankOutlet).Text("Operator", Operator).Code("PayMode", PayMode).Text("TraNoBus", TraNoBus)
        .Text("PayerName", PayerName).Text("PayerAcct", PayerAcct).Text("PayerOpBk", PayerOpBk)
        .Text("PayerOpBkNo", PayerOpBkNo).Code("RecAcctType", RecAcctType).Text("RecAcct", RecAcct)
        .Text("Hold1", Hold1).Text("Hold2", Hold2)
        .Build();
}
