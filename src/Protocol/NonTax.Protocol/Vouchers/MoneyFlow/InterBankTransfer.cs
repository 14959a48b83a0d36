using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using static NonTax.Protocol.Vouchers.MoneyFlow.MoneyFlowFieldSpecs;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// 2613 行间划转 (bank → finance, answered 5001): money the bank moved out of an account it holds
/// to an account at another bank, one row per transfer keyed by the bank's TraNo. ClearNo names the
/// 5614 the transfer carries out, when it does. The receiving bank reports the arrival (2615).
/// </summary>
public sealed record InterBankTransfer(
    DateOnly TraDate,
    string BankCode,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<InterBankTransfer.Detail> Details) : ITypedVoucher<InterBankTransfer>
{
    /// <summary>One transfer.</summary>
    public sealed record Detail(
        string TraNo, string PayAcct, string RecAcct, decimal Amt,
        string PayAcctName = "", string RecAcctName = "", string RecBankNo = "", string ClearNo = "", string Memo = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        TraNoField,
        Account("PayAcct"),
        OptionalName("PayAcctName"),
        Account("RecAcct"),
        OptionalName("RecAcctName"),
        FieldSpec.O("RecBankNo", FieldType.NString, 0, 20),
        AmtField,
        FieldSpec.O("ClearNo", FieldType.String, 0, 30),
        FieldSpec.O("Memo", FieldType.GBString, 0, 200),
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [FieldSpec.M("TraDate", FieldType.Date), BankCodeField, AllNumField, AllAmtField],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<InterBankTransfer> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new InterBankTransfer(
            r.Date("TraDate"), r.Text("BankCode"), r.Integer("AllNum"), r.Money("AllAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(
                d.Text("TraNo"), d.Text("PayAcct"), d.Text("RecAcct"), d.Money("Amt"),
                d.Text("PayAcctName"), d.Text("RecAcctName"), d.Text("RecBankNo"), d.Text("ClearNo"), d.Text("Memo"))).ToArray()),
        v => CheckTotals(v.AllNum, v.AllAmt, v.Details, d => d.Amt, d => d.TraNo, "Details/Detail")
            ?? v.Details.Select((d, i) => d.PayAcct == d.RecAcct
                ? ProtocolError.InvalidField($"Details/Detail[{i + 1}]/RecAcct", "is the paying account itself")
                : null).FirstOrDefault(e => e is not null));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("TraDate", TraDate).Text("BankCode", BankCode).Integer("AllNum", AllNum).Money("AllAmt", AllAmt)
        .Group("Details", "Detail", Details, (b, d) => b
            .Text("TraNo", d.TraNo).Text("PayAcct", d.PayAcct).Text("PayAcctName", d.PayAcctName)
            .Text("RecAcct", d.RecAcct).Text("RecAcctName", d.RecAcctName).Text("RecBankNo", d.RecBankNo)
            .Money("Amt", d.Amt).Text("ClearNo", d.ClearNo).Text("Memo", d.Memo))
        .Build();
}
