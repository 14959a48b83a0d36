using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using static NonTax.Protocol.Vouchers.MoneyFlow.MoneyFlowFieldSpecs;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// 2616 虚拟账户到账 (bank → finance, answered 5001): money paid into a virtual (sub-)account,
/// booked to the real fiscal account behind it (RecAcct). One row per credit keyed by the bank's
/// TraNo; PayCode names the notice when the payer quoted one.
/// </summary>
public sealed record VirtualAccountArrival(
    DateOnly ArrDate,
    string BankCode,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<VirtualAccountArrival.Detail> Details) : ITypedVoucher<VirtualAccountArrival>
{
    /// <summary>One credit.</summary>
    public sealed record Detail(
        string TraNo, string VirtualAcct, string RecAcct, decimal Amt,
        string PayCode = "", string PayAcct = "", string PayerName = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        TraNoField,
        Account("VirtualAcct"),
        Account("RecAcct"),
        FieldSpec.O("PayCode", FieldType.String, 0, 20),
        OptionalAccount("PayAcct"),
        OptionalName("PayerName"),
        AmtField,
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [FieldSpec.M("ArrDate", FieldType.Date), BankCodeField, AllNumField, AllAmtField],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<VirtualAccountArrival> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new VirtualAccountArrival(
            r.Date("ArrDate"), r.Text("BankCode"), r.Integer("AllNum"), r.Money("AllAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(
                d.Text("TraNo"), d.Text("VirtualAcct"), d.Text("RecAcct"), d.Money("Amt"),
                d.Text("PayCode"), d.Text("PayAcct"), d.Text("PayerName"))).ToArray()),
        v => CheckTotals(v.AllNum, v.AllAmt, v.Details, d => d.Amt, d => d.TraNo, "Details/Detail"));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("ArrDate", ArrDate).Text("BankCode", BankCode).Integer("AllNum", AllNum).Money("AllAmt", AllAmt)
        .Group("Details", "Detail", Details, (b, d) => b
            .Text("TraNo", d.TraNo).Text("VirtualAcct", d.VirtualAcct).Text("RecAcct", d.RecAcct).Text("PayCode", d.PayCode)
            .Text("PayAcct", d.PayAcct).Text("PayerName", d.PayerName).Money("Amt", d.Amt))
        .Build();
}
