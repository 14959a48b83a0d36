using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Reconciliation;

/// <summary>
/// 5556 (finance → bank, answered 2001): result of a 2556 or a 2581 day (FileMsgNo says which),
/// named by ChkDate + BankCode, HEAD/MsgRef the file's MsgID. Result 00000 every account matched,
/// 30001 differences found; one <c>Diff</c> per difference: 1 account only in the bank's file,
/// 2 only in the system's records, 3 an amount differs (Field InAmt or OutAmt), 4 another field
/// (InNum, OutNum, OpeningBal: the previous day's ClosingBal the system holds). Split into BatchNo of BatchCount.
/// </summary>
public sealed record AccountReconciliationResult(
    DateOnly ChkDate,
    string BankCode,
    string FileMsgNo,
    string Result,
    long MatchedNum,
    IReadOnlyList<AccountReconciliationResult.Diff> Diffs,
    long? BatchNo = null,
    long? BatchCount = null) : ITypedVoucher<AccountReconciliationResult>
{
    /// <summary>One difference of one account.</summary>
    public sealed record Diff(string AcctNo, int DiffType, string Field, string BankValue, string FinanceValue);

    private static readonly VoucherSpec DiffSpec = ReconciliationFieldSpecs.Difference(
        FieldSpec.M("AcctNo", FieldType.String, 1, 50));

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [
            FieldSpec.M("ChkDate", FieldType.Date),
            FieldSpec.M("BankCode", FieldType.String, 1, 20),
            FieldSpec.M("FileMsgNo", FieldType.NString, 4, 4),
            FieldSpec.M("Result", FieldType.NString, 5, 5),
            FieldSpec.M("MatchedNum", FieldType.Integer),
            FieldSpec.O("BatchNo", FieldType.Integer),
            FieldSpec.O("BatchCount", FieldType.Integer),
        ],
        [new GroupSpec(null, "Diff", DiffSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<AccountReconciliationResult> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new AccountReconciliationResult(
            r.Date("ChkDate"),
            r.Text("BankCode"),
            r.Text("FileMsgNo"),
            r.Text("Result"),
            r.Integer("MatchedNum"),
            r.Items(null, "Diff")
                .Select(d => new Diff(d.Text("AcctNo"), d.Code("DiffType"), d.Text("Field"), d.Text("BankValue"), d.Text("FinanceValue")))
                .ToArray(),
            r.Text("BatchNo").Length > 0 ? r.Integer("BatchNo") : null,
            r.Text("BatchCount").Length > 0 ? r.Integer("BatchCount") : null),
        v => v.FileMsgNo is "2556" or "2581" ? null : ProtocolError.InvalidField("FileMsgNo", "must be 2556 or 2581"));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("ChkDate", ChkDate).Text("BankCode", BankCode).Text("FileMsgNo", FileMsgNo).Text("Result", Result)
        .Integer("MatchedNum", MatchedNum)
        .Text("BatchNo", BatchNo?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Text("BatchCount", BatchCount?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Group(null, "Diff", Diffs, (b, d) => b
            .Text("AcctNo", d.AcctNo).Code("DiffType", d.DiffType).Text("Field", d.Field).Text("BankValue", d.BankValue).Text("FinanceValue", d.FinanceValue))
        .Build();
}
