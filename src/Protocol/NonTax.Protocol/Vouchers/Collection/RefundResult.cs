using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 2617 (bank → finance, answered 5001): the result of a 5617 refund, named by RefundNo; its
/// HEAD/MsgRef carries the instruction's MsgID. Result 00000 = done, else the bank's code.
/// </summary>
public sealed record RefundResult(
    string RefundNo,
    string Result,
    DateOnly RefundDate,
    string RefundTraNo,
    string Information = "") : ITypedVoucher<RefundResult>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        FieldSpec.M("RefundNo", FieldType.String, 1, 30),
        FieldSpec.M("Result", FieldType.NString, 5, 5),
        FieldSpec.M("RefundDate", FieldType.Date),
        FieldSpec.M("RefundTraNo", FieldType.String, 1, 50),
        FieldSpec.O("Information", FieldType.GBString, 0, 200),
    ]);

    /// <summary>True when the bank refunded.</summary>
    public bool Succeeded => Result == ResultCodes.Success;

    /// <inheritdoc />
    public static ProtocolResult<RefundResult> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new RefundResult(r.Text("RefundNo"), r.Text("Result"), r.Date("RefundDate"), r.Text("RefundTraNo"), r.Text("Information")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("RefundNo", RefundNo).Text("Result", Result).Date("RefundDate", RefundDate)
        .Text("RefundTraNo", RefundTraNo).Text("Information", Information)
        .Build();
}
