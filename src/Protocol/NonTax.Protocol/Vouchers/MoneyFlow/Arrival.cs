using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using static NonTax.Protocol.Vouchers.MoneyFlow.MoneyFlowFieldSpecs;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// 2615 划转/清算资金到账 (receiving bank → finance, answered 5001): transferred or cleared money
/// credited to a fiscal account the bank holds, one row per credit keyed by the bank's TraNo.
/// OriTraNo is the sending bank's 2613 TraNo and ClearNo the 5614 it carries out, when known.
/// </summary>
public sealed record Arrival(
    DateOnly ArrDate,
    string BankCode,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<Arrival.Detail> Details) : ITypedVoucher<Arrival>
{
    /// <summary>One credit.</summary>
    public sealed record Detail(
        string TraNo, string RecAcct, decimal Amt,
        string PayAcct = "", string PayAcctName = "", string PayBankNo = "", string OriTraNo = "", string ClearNo = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        TraNoField,
        Account("RecAcct"),
        OptionalAccount("PayAcct"),
        OptionalName("PayAcctName"),
        FieldSpec.O("PayBankNo", FieldType.NString, 0, 20),
        FieldSpec.O("OriTraNo", FieldType.String, 0, 50),
        FieldSpec.O("ClearNo", FieldType.String, 0, 30),
        AmtField,
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [FieldSpec.M("ArrDate", FieldType.Date), BankCodeField, AllNumField, AllAmtField],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<Arrival> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new Arrival(
            r.Date("ArrDate"), r.Text("BankCode"), r.Integer("AllNum"), r.Money("AllAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(
                d.Text("TraNo"), d.Text("RecAcct"), d.Money("Amt"), d.Text("PayAcct"), d.Text("PayAcctName"),
                d.Text("PayBankNo"), d.Text("OriTraNo"), d.Text("ClearNo"))).ToArray()),
        v => CheckTotals(v.AllNum, v.AllAmt, v.Details, d => d.Amt, d => d.TraNo, "Details/Detail"));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("ArrDate", ArrDate).Text("BankCode", BankCode).Integer("AllNum", AllNum).Money("AllAmt", AllAmt)
        .Group("Details", "Detail", Details, (b, d) => b
            .Text("TraNo", d.TraNo).Text("RecAcct", d.RecAcct).Text("PayAcct", d.PayAcct).Text("PayAcctName", d.PayAcctName)
            .Text("PayBankNo", d.PayBankNo).Text("OriTraNo", d.OriTraNo).Text("ClearNo", d.ClearNo).Money("Amt", d.Amt))
        .Build();
}
