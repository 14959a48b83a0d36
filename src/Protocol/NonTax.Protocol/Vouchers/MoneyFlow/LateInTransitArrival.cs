using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using static NonTax.Protocol.Vouchers.MoneyFlow.MoneyFlowFieldSpecs;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// 2619 在途资金到账 (bank → finance, answered 5001): money that was in transit at the close of
/// OriChkDate (a day already reconciled) and arrived on ArrDate. One row per credit keyed by the
/// bank's TraNo; OriTraNo/PayCode name what it belonged to when known.
/// </summary>
public sealed record LateInTransitArrival(
    DateOnly ArrDate,
    DateOnly OriChkDate,
    string BankCode,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<LateInTransitArrival.Detail> Details) : ITypedVoucher<LateInTransitArrival>
{
    /// <summary>One late credit.</summary>
    public sealed record Detail(string TraNo, string RecAcct, decimal Amt, string OriTraNo = "", string PayCode = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        TraNoField,
        Account("RecAcct"),
        FieldSpec.O("OriTraNo", FieldType.String, 0, 50),
        FieldSpec.O("PayCode", FieldType.String, 0, 20),
        AmtField,
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [FieldSpec.M("ArrDate", FieldType.Date), FieldSpec.M("OriChkDate", FieldType.Date), BankCodeField, AllNumField, AllAmtField],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<LateInTransitArrival> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new LateInTransitArrival(
            r.Date("ArrDate"), r.Date("OriChkDate"), r.Text("BankCode"), r.Integer("AllNum"), r.Money("AllAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(
                d.Text("TraNo"), d.Text("RecAcct"), d.Money("Amt"), d.Text("OriTraNo"), d.Text("PayCode"))).ToArray()),
        v => v.OriChkDate >= v.ArrDate
            ? ProtocolError.InvalidField("OriChkDate", "must be before ArrDate (the money came late)")
            : CheckTotals(v.AllNum, v.AllAmt, v.Details, d => d.Amt, d => d.TraNo, "Details/Detail"));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("ArrDate", ArrDate).Date("OriChkDate", OriChkDate).Text("BankCode", BankCode)
        .Integer("AllNum", AllNum).Money("AllAmt", AllAmt)
        .Group("Details", "Detail", Details, (b, d) => b
            .Text("TraNo", d.TraNo).Text("RecAcct", d.RecAcct).Text("OriTraNo", d.OriTraNo).Text("PayCode", d.PayCode).Money("Amt", d.Amt))
        .Build();
}
