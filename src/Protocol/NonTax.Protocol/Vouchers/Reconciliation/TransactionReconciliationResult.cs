using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Reconciliation;

/// <summary>
/// 5555 (finance → bank, answered 2001): result of a 2555 day, named by ChkDate + BankCode.
/// Result 00000 all matched, 30001 differences found; one <c>Diff</c> element per difference,
/// repeated directly under <c>Voucher</c>. A run with many differences goes out as several
/// messages numbered BatchNo of BatchCount (ours; both empty when it fits in one).
/// </summary>
public sealed record TransactionReconciliationResult(
    DateOnly ChkDate,
    string BankCode,
    string Result,
    long MatchedNum,
    decimal MatchedAmt,
    IReadOnlyList<TransactionReconciliationResult.Diff> Diffs,
    long? BatchNo = null,
    long? BatchCount = null) : ITypedVoucher<TransactionReconciliationResult>
{
    /// <summary>DiffType 1: the bank has it, finance does not.</summary>
    public const int BankOnly = 1;

    /// <summary>DiffType 2: finance has it, the bank does not.</summary>
    public const int FinanceOnly = 2;

    /// <summary>DiffType 3: amounts differ.</summary>
    public const int AmountDiffers = 3;

    /// <summary>DiffType 4: another field differs (named by Field).</summary>
    public const int OtherFieldDiffers = 4;

    /// <summary>One difference.</summary>
    public sealed record Diff(string PayCode, string TraNoBus, int DiffType, string Field, string BankValue, string FinanceValue);

    private static readonly VoucherSpec DiffSpec = ReconciliationFieldSpecs.Difference(
        FieldSpec.M("PayCode", FieldType.String, 0, 20),
        FieldSpec.M("TraNoBus", FieldType.String, 0, 50));

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
    public static ProtocolResult<TransactionReconciliationResult> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new TransactionReconciliationResult(
            r.Date("ChkDate"),
            r.Text("BankCode"),
            r.Text("Result"),
            r.Integer("MatchedNum"),
            r.Money("MatchedAmt"),
            r.Items(null, "Diff")
                .Select(d => new Diff(d.Text("PayCode"), d.Text("TraNoBus"), d.Code("DiffType"), d.Text("Field"), d.Text("BankValue"), d.Text("FinanceValue")))
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
            .Text("PayCode", d.PayCode).Text("TraNoBus", d.TraNoBus).Code("DiffType", d.DiffType)
            .Text("Field", d.Field).Text("BankValue", d.BankValue).Text("FinanceValue", d.FinanceValue))
        .Build();
}
