using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Reconciliation;

/// <summary>
/// 2556 账户对账 (fiscal accounts) and 2581 监管账户对账单 (units' supervised accounts), bank →
/// finance, answered 5001; result 5556 later. One row per account at the bank for ChkDate: how
/// many credits and debits and their sums, and the balances before and after the day, which must
/// agree (ClosingBal = OpeningBal + InAmt − OutAmt). AllNum counts the rows; AllInAmt/AllOutAmt
/// are their sums. Split like 2555 (BatchNo of BatchCount).
/// </summary>
public sealed record AccountReconciliation(
    DateOnly ChkDate,
    string BankCode,
    long AllNum,
    decimal AllInAmt,
    decimal AllOutAmt,
    IReadOnlyList<AccountReconciliation.Detail> Details,
    long? BatchNo = null,
    long? BatchCount = null) : ITypedVoucher<AccountReconciliation>
{
    /// <summary>One account's day.</summary>
    public sealed record Detail(string AcctNo, long InNum, decimal InAmt, long OutNum, decimal OutAmt, decimal OpeningBal, decimal ClosingBal, string AcctName = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        FieldSpec.M("AcctNo", FieldType.String, 1, 50),
        FieldSpec.O("AcctName", FieldType.GBString, 0, 100),
        FieldSpec.M("InNum", FieldType.Integer),
        FieldSpec.M("InAmt", FieldType.Currency),
        FieldSpec.M("OutNum", FieldType.Integer),
        FieldSpec.M("OutAmt", FieldType.Currency),
        FieldSpec.M("OpeningBal", FieldType.Currency),
        FieldSpec.M("ClosingBal", FieldType.Currency),
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [
            FieldSpec.M("ChkDate", FieldType.Date),
            FieldSpec.M("BankCode", FieldType.String, 1, 20),
            FieldSpec.M("AllNum", FieldType.Integer),
            FieldSpec.M("AllInAmt", FieldType.Currency),
            FieldSpec.M("AllOutAmt", FieldType.Currency),
            FieldSpec.O("BatchNo", FieldType.Integer),
            FieldSpec.O("BatchCount", FieldType.Integer),
        ],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<AccountReconciliation> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new AccountReconciliation(
            r.Date("ChkDate"),
            r.Text("BankCode"),
            r.Integer("AllNum"),
            r.Money("AllInAmt"),
            r.Money("AllOutAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(
                d.Text("AcctNo"), d.Integer("InNum"), d.Money("InAmt"), d.Integer("OutNum"), d.Money("OutAmt"), d.Money("OpeningBal"), d.Money("ClosingBal"),
                d.Text("AcctName"))).ToArray(),
            r.Text("BatchNo").Length > 0 ? r.Integer("BatchNo") : null,
            r.Text("BatchCount").Length > 0 ? r.Integer("BatchCount") : null),
        Check);

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("ChkDate", ChkDate).Text("BankCode", BankCode).Integer("AllNum", AllNum).Money("AllInAmt", AllInAmt).Money("AllOutAmt", AllOutAmt)
        .Text("BatchNo", BatchNo?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Text("BatchCount", BatchCount?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Group("Details", "Detail", Details, (b, d) => b
            .Text("AcctNo", d.AcctNo).Text("AcctName", d.AcctName).Integer("InNum", d.InNum).Money("InAmt", d.InAmt)
            .Integer("OutNum", d.OutNum).Money("OutAmt", d.OutAmt).Money("OpeningBal", d.OpeningBal).Money("ClosingBal", d.ClosingBal))
        .Build();

    private static ProtocolError? Check(AccountReconciliation v)
    {
        for (var i = 0; i < v.Details.Count; i++)
        {
            var d = v.Details[i];
            if (d.InNum < 0 || d.OutNum < 0 || d.InAmt < 0 || d.OutAmt < 0)
            {
                return ProtocolError.InvalidField($"Details/Detail[{i + 1}]", "counts and sums are not negative");
            }

            if (d.OpeningBal + d.InAmt - d.OutAmt != d.ClosingBal)
            {
                return ProtocolError.InvalidField($"Details/Detail[{i + 1}]/ClosingBal",
                    $"{d.AcctNo}: opening {d.OpeningBal:0.00} + in {d.InAmt:0.00} - out {d.OutAmt:0.00} is not {d.ClosingBal:0.00}");
            }
        }

        return null;
    }
}
