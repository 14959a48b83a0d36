using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 2601 (bank) / 8997 (unit): query a notice by payment code. Answered 5603 / 5997, or 5001 on failure.
/// </summary>
/// <param name="PayCode">Payment code.</param>
/// <param name="PayMode">Channel code (PayMode table).</param>
/// <param name="Hold1">The notice's check code (验证码) when it has one.</param>
/// <param name="Hold2">Reserved.</param>
public sealed record NoticeQuery(string PayCode, int PayMode, string Hold1 = "", string Hold2 = "") : ITypedVoucher<NoticeQuery>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        NoticeFieldSpecs.PayCode,
        FieldSpec.M("PayMode", FieldType.Code, 1, 2),
        NoticeFieldSpecs.Hold1,
        NoticeFieldSpecs.Hold2,
    ]);

    /// <inheritdoc />
    public static ProtocolResult<NoticeQuery> Parse(Voucher voucher) =>
        Spec.Read(voucher, r => new NoticeQuery(r.Text("PayCode"), r.Code("PayMode"), r.Text("Hold1"), r.Text("Hold2")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("PayCode", PayCode).Code("PayMode", PayMode).Text("Hold1", Hold1).Text("Hold2", Hold2).Build();
}
