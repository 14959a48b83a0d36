using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 5617 (finance → bank, answered 2001): refund a payment. The bank later sends 2617 naming the
/// RefundNo. RefundType 1 technical (duplicate), 2 business. Amt ≤ the amount taken.
/// </summary>
public sealed record RefundInstruction(
    string RefundNo,
    int RefundType,
    string PayCode,
    string OriTraNoBus,
    DateOnly OriCfmDate,
    decimal Amt,
    string PayerName,
    string PayerAcct = "",
    string PayerOpBk = "",
    string Reason = "") : ITypedVoucher<RefundInstruction>
{
    /// <summary>Technical refund of a duplicate payment.</summary>
    public const int Technical = 1;

    /// <summary>Business refund.</summary>
    public const int Business = 2;

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        FieldSpec.M("RefundNo", FieldType.String, 1, 30),
        FieldSpec.M("RefundType", FieldType.Code, 1, 1),
        NoticeFieldSpecs.PayCode,
        FieldSpec.M("OriTraNoBus", FieldType.String, 1, 50),
        FieldSpec.M("OriCfmDate", FieldType.Date),
        NoticeFieldSpecs.Amt,
        NoticeFieldSpecs.PayerName,
        NoticeFieldSpecs.PayerAcct,
        NoticeFieldSpecs.PayerOpBk,
        FieldSpec.O("Reason", FieldType.GBString, 0, 200),
    ]);

    /// <inheritdoc />
    public static ProtocolResult<RefundInstruction> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new RefundInstruction(
            r.Text("RefundNo"), r.Code("RefundType"), r.Text("PayCode"), r.Text("OriTraNoBus"), r.Date("OriCfmDate"),
            r.Money("Amt"), r.Text("PayerName"), r.Text("PayerAcct"), r.Text("PayerOpBk"), r.Text("Reason")),
        i => i.RefundType is Technical or Business ? null : ProtocolError.InvalidField("RefundType", "must be 1 or 2"));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("RefundNo", RefundNo).Code("RefundType", RefundType).Text("PayCode", PayCode)
        .Text("OriTraNoBus", OriTraNoBus).Date("OriCfmDate", OriCfmDate).Money("Amt", Amt)
        .Text("PayerName", PayerName).Text("PayerAcct", PayerAcct).Text("PayerOpBk", PayerOpBk).Text("Reason", Reason)
        .Build();
}
