using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using static NonTax.Protocol.Vouchers.MoneyFlow.MoneyFlowFieldSpecs;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// 2614 清分结果 (clearing bank → finance, answered 5001): what the bank did with the 5614 named by
/// ClearNo (its HEAD/MsgRef carries the instruction's MsgID). Result 00000 means every row was
/// moved (and then every row says 00000); otherwise the bank's code, with each row's own result.
/// </summary>
public sealed record ClearingResult(
    string ClearNo,
    DateOnly ClearDate,
    string Result,
    DateOnly ExecDate,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<ClearingResult.Detail> Details,
    string Information = "") : ITypedVoucher<ClearingResult>
{
    /// <summary>The outcome of one row of the 5614.</summary>
    public sealed record Detail(long LineNo, string Result, decimal Amt, string TraNo = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        FieldSpec.M("LineNo", FieldType.Integer),
        ResultField,
        FieldSpec.O("TraNo", FieldType.String, 0, 50),
        AmtField,
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [ClearNoField, FieldSpec.M("ClearDate", FieldType.Date), ResultField, FieldSpec.M("ExecDate", FieldType.Date), AllNumField, AllAmtField, InformationField],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <summary>True when the bank moved every row.</summary>
    public bool Succeeded => Result == ResultCodes.Success;

    /// <inheritdoc />
    public static ProtocolResult<ClearingResult> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new ClearingResult(
            r.Text("ClearNo"), r.Date("ClearDate"), r.Text("Result"), r.Date("ExecDate"), r.Integer("AllNum"), r.Money("AllAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(d.Integer("LineNo"), d.Text("Result"), d.Money("Amt"), d.Text("TraNo"))).ToArray(),
            r.Text("Information")),
        v => v.Succeeded && v.Details.FirstOrDefault(d => d.Result != ResultCodes.Success) is { } failed
            ? ProtocolError.InvalidField("Result", $"says 00000 but row {failed.LineNo} says {failed.Result}")
            : CheckTotals(v.AllNum, v.AllAmt, v.Details, d => d.Amt, d => d.LineNo.ToString(System.Globalization.CultureInfo.InvariantCulture), "Details/Detail"));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("ClearNo", ClearNo).Date("ClearDate", ClearDate).Text("Result", Result).Date("ExecDate", ExecDate)
        .Integer("AllNum", AllNum).Money("AllAmt", AllAmt).Text("Information", Information)
        .Group("Details", "Detail", Details, (b, d) => b
            .Integer("LineNo", d.LineNo).Text("Result", d.Result).Text("TraNo", d.TraNo).Money("Amt", d.Amt))
        .Build();
}
