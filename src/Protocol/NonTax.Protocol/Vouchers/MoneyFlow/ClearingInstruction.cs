using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using static NonTax.Protocol.Vouchers.MoneyFlow.MoneyFlowFieldSpecs;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// 5614 清分指令 (finance → clearing bank, answered 2001; result 2614 later): after the bank's
/// day ClearDate reconciled, move the day's revenue from the accounts it was paid into (PayAcct)
/// to the fiscal accounts of each budget level, one row per (item, share). ClearNo and the
/// message's MsgID stay the same on every retry.
/// </summary>
public sealed record ClearingInstruction(
    string ClearNo,
    DateOnly ClearDate,
    string BankCode,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<ClearingInstruction.Detail> Details) : ITypedVoucher<ClearingInstruction>
{
    /// <summary>One movement to make.</summary>
    public sealed record Detail(
        long LineNo, string PayAcct, string RecAcct, string RecAcctName, string ItemCode, string FundType, int BudgetLevel, decimal Amt,
        string RecBankNo = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        FieldSpec.M("LineNo", FieldType.Integer),
        Account("PayAcct"),
        Account("RecAcct"),
        FieldSpec.M("RecAcctName", FieldType.GBString, 1, 100),
        FieldSpec.O("RecBankNo", FieldType.NString, 0, 20),
        FieldSpec.M("ItemCode", FieldType.String, 1, 30),
        FieldSpec.M("FundType", FieldType.String, 1, 10),
        FieldSpec.M("BudgetLevel", FieldType.Code, 1, 1),
        AmtField,
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [ClearNoField, FieldSpec.M("ClearDate", FieldType.Date), BankCodeField, AllNumField, AllAmtField],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<ClearingInstruction> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new ClearingInstruction(
            r.Text("ClearNo"), r.Date("ClearDate"), r.Text("BankCode"), r.Integer("AllNum"), r.Money("AllAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(
                d.Integer("LineNo"), d.Text("PayAcct"), d.Text("RecAcct"), d.Text("RecAcctName"), d.Text("ItemCode"),
                d.Text("FundType"), d.Code("BudgetLevel"), d.Money("Amt"), d.Text("RecBankNo"))).ToArray()),
        Check);

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("ClearNo", ClearNo).Date("ClearDate", ClearDate).Text("BankCode", BankCode).Integer("AllNum", AllNum).Money("AllAmt", AllAmt)
        .Group("Details", "Detail", Details, (b, d) => b
            .Integer("LineNo", d.LineNo).Text("PayAcct", d.PayAcct).Text("RecAcct", d.RecAcct).Text("RecAcctName", d.RecAcctName)
            .Text("RecBankNo", d.RecBankNo).Text("ItemCode", d.ItemCode).Text("FundType", d.FundType)
            .Code("BudgetLevel", d.BudgetLevel).Money("Amt", d.Amt))
        .Build();

    private static ProtocolError? Check(ClearingInstruction v)
    {
        if (v.Details.Count == 0)
        {
            return ProtocolError.InvalidField("Details/Detail", "a clearing instruction moves at least one amount");
        }

        for (var i = 0; i < v.Details.Count; i++)
        {
            var d = v.Details[i];
            if (!BudgetLevels.IsValid(d.BudgetLevel))
            {
                return ProtocolError.InvalidField($"Details/Detail[{i + 1}]/BudgetLevel", "must be 1 (central) to 5 (township)");
            }

            if (d.PayAcct == d.RecAcct)
            {
                return ProtocolError.InvalidField($"Details/Detail[{i + 1}]/RecAcct", "is the paying account itself");
            }
        }

        return CheckTotals(v.AllNum, v.AllAmt, v.Details, d => d.Amt, d => d.LineNo.ToString(System.Globalization.CultureInfo.InvariantCulture), "Details/Detail");
    }
}
