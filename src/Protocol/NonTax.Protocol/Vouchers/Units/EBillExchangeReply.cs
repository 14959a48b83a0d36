using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.Units.UnitFieldSpecs;

namespace NonTax.Protocol.Vouchers.Units;

/// <summary>5981 to a unit platform: reply to 8981 (not the 5981 account refresh to banks).</summary>
public sealed record EBillExchangeReply(
    string Result,
    string Msg = "",
    string SvrCode = "",
    string SvrMsg = "",
    string TradeId = "",
    string IssueDate = "",
    string InvoiceUrl = "",
    string AttachInfo = "") : ITypedVoucher<EBillExchangeReply>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        F.ServiceResult, F.Msg, F.SvrCode, F.SvrMsg, F.TradeId,
        FieldSpec.O("Issue_Date", FieldType.String, 0, 20),
        FieldSpec.O("Invoice_Url", FieldType.String, 0, 500),
        F.AttachInfo,
    ]);

    /// <inheritdoc />
    public static ProtocolResult<EBillExchangeReply> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new EBillExchangeReply(
            r.Text("Result"), r.Text("Msg"), r.Text("Svr_Code"), r.Text("Svr_Msg"), r.Text("Trade_Id"),
            r.Text("Issue_Date"), r.Text("Invoice_Url"), r.Text("Attach_Info")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("Result", Result).Text("Msg", Msg).Text("Svr_Code", SvrCode).Text("Svr_Msg", SvrMsg)
        .Text("Trade_Id", TradeId).Text("Issue_Date", IssueDate).Text("Invoice_Url", InvoiceUrl).Text("Attach_Info", AttachInfo)
        .Build();
}
