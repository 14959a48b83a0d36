using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 2607 (bank → finance, answered 5001): the result of a 5604 direct debit, named by DebitNo; its
/// HEAD/MsgRef carries the instruction's MsgID. Result 00000 = debited: the money was taken, and
/// the notice is confirmed exactly like a 2612 from that bank with TraNoBus (first confirmation
/// wins, a later one is a duplicate refunded). Else the bank's code; nothing was taken.
/// </summary>
public sealed record DirectDebitResult(
    string DebitNo,
    string PayCode,
    string Result,
    decimal Amt,
    DateOnly DebitDate,
    TimeOnly DebitTime,
    string TraNoBus,
    string BankOutlet,
    string Information = "") : ITypedVoucher<DirectDebitResult>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        FieldSpec.M("DebitNo", FieldType.String, 1, 30),
        NoticeFieldSpecs.PayCode,
        FieldSpec.M("Result", FieldType.NString, 5, 5),
        NoticeFieldSpecs.Amt,
        FieldSpec.M("DebitDate", FieldType.Date),
        FieldSpec.M("DebitTime", FieldType.Time),
        FieldSpec.M("TraNoBus", FieldType.String, 1, 50),
        FieldSpec.M("BankOutlet", FieldType.String, 1, 20),
        FieldSpec.O("Information", FieldType.GBString, 0, 200),
    ]);

    /// <summary>True when the bank took the money.</summary>
    public bool Succeeded => Result == ResultCodes.Success;

    /// <inheritdoc />
    public static ProtocolResult<DirectDebitResult> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new DirectDebitResult(
            r.Text("DebitNo"), r.Text("PayCode"), r.Text("Result"), r.Money("Amt"), r.Date("DebitDate"), r.Time("DebitTime"),
            r.Text("TraNoBus"), r.Text("BankOutlet"), r.Text("Information")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("DebitNo", DebitNo).Text("PayCode", PayCode).Text("Result", Result).Money("Amt", Amt)
        .Date("DebitDate", DebitDate).Time("DebitTime", DebitTime).Text("TraNoBus", TraNoBus).Text("BankOutlet", BankOutlet)
        .Text("Information", Information)
        .Build();
}
