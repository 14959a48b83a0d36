using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.Units.UnitFieldSpecs;

namespace NonTax.Protocol.Vouchers.Units;

/// <summary>5982: reply to 8982; <c>Invoicefiledata</c> is the base64 of the bill file (empty on failure).</summary>
public sealed record EBillDownloadReply(
    string Result,
    string Msg = "",
    string SvrCode = "",
    string SvrMsg = "",
    string TradeId = "",
    string InvoiceFileData = "") : ITypedVoucher<EBillDownloadReply>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        F.ServiceResult, F.Msg, F.SvrCode, F.SvrMsg, F.TradeId,
        FieldSpec.O("Invoicefiledata", FieldType.Base64, 0, F.MaxBase64Length),
    ]);

    /// <inheritdoc />
    public static ProtocolResult<EBillDownloadReply> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new EBillDownloadReply(r.Text("Result"), r.Text("Msg"), r.Text("Svr_Code"), r.Text("Svr_Msg"), r.Text("Trade_Id"), r.Text("Invoicefiledata")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("Result", Result).Text("Msg", Msg).Text("Svr_Code", SvrCode).Text("Svr_Msg", SvrMsg)
        .Text("Trade_Id", TradeId).Text("Invoicefiledata", InvoiceFileData)
        .Build();
}
