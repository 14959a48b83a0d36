using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using static NonTax.Protocol.Vouchers.MoneyFlow.MoneyFlowFieldSpecs;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// 5618 缴库/缴户 (finance → bank, answered 2001; result 2618 later): move revenue waiting in the
/// "non-tax revenue to be remitted" account PayAcct to the treasury or fiscal account TreCode of
/// budget level BudgetLevel. RemitType 1 direct (one paid notice, every row names its PayCode),
/// 2 central (a batch of small fees, by item). RemitNo and MsgID stay the same on every retry.
/// </summary>
public sealed record RemittanceInstruction(
    string RemitNo,
    int RemitType,
    DateOnly RemitDate,
    string BankCode,
    string PayAcct,
    string TreCode,
    int BudgetLevel,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<RemittanceInstruction.Detail> Details,
    string TreName = "") : ITypedVoucher<RemittanceInstruction>
{
    /// <summary>Direct remittance of one payment (直接缴库).</summary>
    public const int Direct = 1;

    /// <summary>Central remittance of a batch (集中缴库).</summary>
    public const int Central = 2;

    /// <summary>One item's amount (and, when direct, the notice it came from).</summary>
    public sealed record Detail(long LineNo, string ItemCode, string BudgetSubject, string FundType, decimal Amt, string PayCode = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        FieldSpec.M("LineNo", FieldType.Integer),
        FieldSpec.M("ItemCode", FieldType.String, 1, 30),
        FieldSpec.M("BudgetSubject", FieldType.String, 1, 30),
        FieldSpec.M("FundType", FieldType.String, 1, 10),
        FieldSpec.O("PayCode", FieldType.String, 0, 20),
        AmtField,
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [
            RemitNoField,
            FieldSpec.M("RemitType", FieldType.Code, 1, 1),
            FieldSpec.M("RemitDate", FieldType.Date),
            BankCodeField,
            Account("PayAcct"),
            FieldSpec.M("TreCode", FieldType.String, 1, 50),
            OptionalName("TreName"),
            FieldSpec.M("BudgetLevel", FieldType.Code, 1, 1),
            AllNumField,
            AllAmtField,
        ],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<RemittanceInstruction> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new RemittanceInstruction(
            r.Text("RemitNo"), r.Code("RemitType"), r.Date("RemitDate"), r.Text("BankCode"), r.Text("PayAcct"), r.Text("TreCode"),
            r.Code("BudgetLevel"), r.Integer("AllNum"), r.Money("AllAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(
                d.Integer("LineNo"), d.Text("ItemCode"), d.Text("BudgetSubject"), d.Text("FundType"), d.Money("Amt"), d.Text("PayCode"))).ToArray(),
            r.Text("TreName")),
        Check);

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("RemitNo", RemitNo).Code("RemitType", RemitType).Date("RemitDate", RemitDate).Text("BankCode", BankCode)
        .Text("PayAcct", PayAcct).Text("TreCode", TreCode).Text("TreName", TreName).Code("BudgetLevel", BudgetLevel)
        .Integer("AllNum", AllNum).Money("AllAmt", AllAmt)
        .Group("Details", "Detail", Details, (b, d) => b
            .Integer("LineNo", d.LineNo).Text("ItemCode", d.ItemCode).Text("BudgetSubject", d.BudgetSubject)
            .Text("FundType", d.FundType).Text("PayCode", d.PayCode).Money("Amt", d.Amt))
        .Build();

    private static ProtocolError? Check(RemittanceInstruction v)
    {
        if (v.RemitType is not (Direct or Central))
        {
            return ProtocolError.InvalidField("RemitType", "must be 1 (direct) or 2 (central)");
        }

        if (!BudgetLevels.IsValid(v.BudgetLevel))
        {
            return ProtocolError.InvalidField("BudgetLevel", "must be 1 (central) to 5 (township)");
        }

        if (v.Details.Count == 0)
        {
            return ProtocolError.InvalidField("Details/Detail", "a remittance moves at least one amount");
        }

        if (v.RemitType == Direct && v.Details.Select((d, i) => (d, i)).FirstOrDefault(x => x.d.PayCode.Length == 0) is { d: not null } missing)
        {
            return ProtocolError.InvalidField($"Details/Detail[{missing.i + 1}]/PayCode", "a direct remittance names the payment code of every row");
        }

        return CheckTotals(v.AllNum, v.AllAmt, v.Details, d => d.Amt, d => d.LineNo.ToString(System.Globalization.CultureInfo.InvariantCulture), "Details/Detail");
    }
}
