using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.Units.UnitFieldSpecs;

namespace NonTax.Protocol.Vouchers.Units;

/// <summary>8999: take the next e-bill number. Answered 5001 with Information = the 10-digit number from that unit's stock.</summary>
public sealed record BillNumberRequest(
    string BillTypeCode,
    string BillTypeName,
    string BillVerCode,
    string BillVerName,
    string ChgAgenCode,
    string Hold1 = "",
    string Hold2 = "") : ITypedVoucher<BillNumberRequest>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        F.BillTypeCode, F.BillTypeName, F.BillVerCode, F.BillVerName,
        FieldSpec.M("ChgAgenCode", FieldType.String, 1, 30),
        F.Hold1, F.Hold2,
    ]);

    /// <inheritdoc />
    public static ProtocolResult<BillNumberRequest> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new BillNumberRequest(r.Text("BillTypeCode"), r.Text("BillTypeName"), r.Text("BillVerCode"), r.Text("BillVerName"), r.Text("ChgAgenCode"), r.Text("Hold1"), r.Text("Hold2")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("BillTypeCode", BillTypeCode).Text("BillTypeName", BillTypeName).Text("BillVerCode", BillVerCode)
        .Text("BillVerName", BillVerName).Text("ChgAgenCode", ChgAgenCode).Text("Hold1", Hold1).Text("Hold2", Hold2)
        .Build();
}
