using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.Units.UnitFieldSpecs;

namespace NonTax.Protocol.Vouchers.Units;

/// <summary>8982 (unit → finance, answered 5982): download an e-bill file.</summary>
public sealed record EBillDownload(
    string BillNo,
    string AdmDivCode,
    string BillTypeCode,
    string BillTypeName,
    string BillVerCode,
    string BillVerName,
    string Version,
    string CrcCode = "",
    string Hold1 = "") : ITypedVoucher<EBillDownload>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        F.BillNo, F.AdmDivCode, F.BillTypeCode, F.BillTypeName, F.BillVerCode, F.BillVerName, F.Version,
        FieldSpec.O("CrcCode", FieldType.String, 0, 10),
        F.Hold1,
    ]);

    /// <inheritdoc />
    public static ProtocolResult<EBillDownload> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new EBillDownload(
            r.Text("BillNo"), r.Text("AdmDivCode"), r.Text("BillTypeCode"), r.Text("BillTypeName"), r.Text("BillVerCode"),
            r.Text("BillVerName"), r.Text("Version"), r.Text("CrcCode"), r.Text("Hold1")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("BillNo", BillNo).Text("AdmDivCode", AdmDivCode).Text("BillTypeCode", BillTypeCode)
        .Text("BillTypeName", BillTypeName).Text("BillVerCode", BillVerCode).Text("BillVerName", BillVerName)
        .Text("Version", Version).Text("CrcCode", CrcCode).Text("Hold1", Hold1)
        .Build();
}
