using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>5698: reply to 2698 — Result (00000 / 99999), optional region, and <c>BillList/Bill</c> with the 5603 fields.</summary>
public sealed record EducationReply(string Result, string AdmDivCode, IReadOnlyList<NoticeDetails> Bills) : ITypedVoucher<EducationReply>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [FieldSpec.M("Result", FieldType.NString, 5, 5), FieldSpec.O("AdmDivCode", FieldType.String, 0, 6)],
        [new GroupSpec("BillList", "Bill", NoticeDetails.Spec, ContainerRequired: false)]);

    /// <inheritdoc />
    public static ProtocolResult<EducationReply> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new EducationReply(r.Text("Result"), r.Text("AdmDivCode"), r.Items("BillList", "Bill").Select(NoticeDetails.Read).ToArray()),
        reply => reply.Bills.Select(NoticeDetails.Check).FirstOrDefault(e => e is not null));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("Result", Result).Text("AdmDivCode", AdmDivCode)
        .Group("BillList", "Bill", Bills, (b, bill) => bill.WriteTo(b))
        .Build();
}
