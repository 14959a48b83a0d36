using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Reconciliation;

/// <summary>
/// 5557 (finance → bank, answered 2001): result of a 2557 day, named by ChkDate + BankCode, HEAD/MsgRef
/// the 2557's MsgID. Result 00000 all matched, 30001 differences found; one <c>Diff</c> per
/// difference (DiffType as in 5555; Field names the differing field: Amt, AcctNo, PayCode).
/// Split into BatchNo of BatchCount messages when there are many.
/// </summary>
public sealed record ArrivalReconciliationResult(
    DateOnly ChkDate,
    string BankCode,
    string Result,
    long MatchedNum,
    decimal MatchedAmt,
    IReadOnlyList<ArrivalReconciliationResult.Diff> Diffs,
    long? BatchNo = null,
    long? BatchCount = null) : ITypedVoucher<ArrivalReconciliationResult>
{
    /// <summary>One difference of one credit.</summary>
    public sealed record Diff(string TraNo, string AcctNo, string PayCode, int DiffType, string Field, string BankValue, string FinanceValue);

    private static readonly VoucherSpec DiffSpec = ReconciliationFieldSpecs.Difference(
        FieldSpec.M("TraNo", FieldType.String, 1, 50),
        FieldSpec.O("AcctNo", FieldType.String, 0, 50),
        FieldSpec.O("PayCode", FieldType.String, 0, 20));

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [
            FieldSpec.M("ChkDate", FieldType.Date),
            FieldSpec.M("BankCode", FieldType.String, 1, 20),
            FieldSpec.M("Result", FieldType.NString, 5, 5),
            FieldSpec.M("MatchedNum", FieldType.Integer),
            FieldSpec.M("MatchedAmt", FieldType.Currency),
            FieldSpec.O("BatchNo", FieldType.Integer),
            FieldSpec.O("BatchCount", FieldType.Integer),
        ],
        [new GroupSpec(null, "Diff", DiffSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<ArrivalReconciliationResult> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new ArrivalReconciliationResult(
            r.Date("ChkDate"),
            r.Text("BankCode"),
            r.Text("Result"),
            r.Integer("MatchedNum"),
            r.Money("MatchedAmt"),
            r.Items(null, "Diff")
                .Select(d => new Diff(d.Text("TraNo"), d.Text("AcctNo"), d.Text("PayCode"), d.Code("DiffType"), d.Text("Field"), d.Text("BankValue"), d.Text("FinanceValue")))
                .ToArray(),
            r.Text("BatchNo").Length > 0 ? r.Integer("BatchNo") : null,
            r.Text("BatchCount").Length > 0 ? r.Integer("BatchCount") : null));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("ChkDate", ChkDate).Text("BankCode", BankCode).Text("Result", Result)
        .Integer("MatchedNum", MatchedNum).Money("MatchedAmt", MatchedAmt)
        .Text("BatchNo", BatchNo?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Text("BatchCount", BatchCount?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Group(null, "Diff", Diffs, (b, d) => b
            .Text("TraNo", d.TraNo).Text("AcctNo", d.AcctNo).Text("PayCode", d.PayCode).Code("DiffType", d.DiffType)
            .Text("Field", d.Field).Text("BankValue", d.BankValue).Text("FinanceValue", d.FinanceValue))
        .Build();
}
