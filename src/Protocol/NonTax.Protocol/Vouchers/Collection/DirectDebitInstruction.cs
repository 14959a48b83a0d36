using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 5604 (finance → bank, answered 2001): debit a notice's amount from an account the payer
/// authorised (划缴/代扣). The bank later sends 2607 naming the DebitNo. AuthNo is the payer's
/// authorisation (mandate) number at that bank.
/// </summary>
public sealed record DirectDebitInstruction(
    string DebitNo,
    string PayCode,
    decimal Amt,
    string PayerName,
    string PayerAcct,
    string AuthNo,
    string PayerOpBk = "",
    string Memo = "") : ITypedVoucher<DirectDebitInstruction>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        FieldSpec.M("DebitNo", FieldType.String, 1, 30),
        NoticeFieldSpecs.PayCode,
        NoticeFieldSpecs.Amt,
        NoticeFieldSpecs.PayerName,
        FieldSpec.M("PayerAcct", FieldType.String, 1, 50),
        FieldSpec.M("AuthNo", FieldType.String, 1, 50),
        FieldSpec.O("PayerOpBk", FieldType.GBString, 0, 100),
        FieldSpec.O("Memo", FieldType.GBString, 0, 200),
    ]);

    /// <inheritdoc />
    public static ProtocolResult<DirectDebitInstruction> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new DirectDebitInstruction(
            r.Text("DebitNo"), r.Text("PayCode"), r.Money("Amt"), r.Text("PayerName"), r.Text("PayerAcct"), r.Text("AuthNo"),
            r.Text("PayerOpBk"), r.Text("Memo")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("DebitNo", DebitNo).Text("PayCode", PayCode).Money("Amt", Amt).Text("PayerName", PayerName)
        .Text("PayerAcct", PayerAcct).Text("AuthNo", AuthNo).Text("PayerOpBk", PayerOpBk).Text("Memo", Memo)
        .Build();
}
