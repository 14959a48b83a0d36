using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 2698 (banks only, answered 5698): a payer's unpaid education notices, by payer credit code or
/// mobile phone — at least one of the two.
/// </summary>
public sealed record EducationQuery(string PayerCreditCode, string MobilePhone, string Hold1 = "", string Hold2 = "") : ITypedVoucher<EducationQuery>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        FieldSpec.C("PayerCreditCode", FieldType.String, 0, 30),
        FieldSpec.C("MobilePhone", FieldType.String, 0, 20),
        NoticeFieldSpecs.Hold1,
        NoticeFieldSpecs.Hold2,
    ]);

    /// <inheritdoc />
    public static ProtocolResult<EducationQuery> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new EducationQuery(r.Text("PayerCreditCode"), r.Text("MobilePhone"), r.Text("Hold1"), r.Text("Hold2")),
        q => q.PayerCreditCode.Length == 0 && q.MobilePhone.Length == 0
            ? ProtocolError.InvalidField("MobilePhone", "PayerCreditCode or MobilePhone is required")
            : null);

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("PayerCreditCode", PayerCreditCode).Text("MobilePhone", MobilePhone).Text("Hold1", Hold1).Text("Hold2", Hold2).Build();
}
