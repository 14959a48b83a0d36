using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Reconciliation;

/// <summary>
/// 2555 (bank → finance, answered 5001; result 5555 later): the day's payments taken by one bank.
/// AllNum/AllAmt are the day's totals; a large day may be split over several vouchers of one
/// message or over several messages numbered BatchNo of BatchCount (ours; both empty when unsplit).
/// </summary>
public sealed record TransactionReconciliation(
    DateOnly ChkDate,
    string BankCode,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<TransactionReconciliation.Detail> Details,
    long? BatchNo = null,
    long? BatchCount = null) : ITypedVoucher<TransactionReconciliation>
{
    /// <summary>One payment taken.</summary>
    public sealed record Detail(string PayCode, string TraNoBus, DateOnly CfmDate, TimeOnly CfmTime, decimal Amt, int PayMode);

    private static readonly VoucherSpec DetailSpec = new(
    [
        FieldSpec.M("PayCode", FieldType.String, 1, 20),
        FieldSpec.M("TraNoBus", FieldType.String, 1, 50),
        FieldSpec.M("CfmDate", FieldType.Date),
        FieldSpec.M("CfmTime", FieldType.Time),
        FieldSpec.M("Amt", FieldType.Currency),
        FieldSpec.M("PayMode", FieldType.Code, 1, 2),
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [
            FieldSpec.M("ChkDate", FieldType.Date),
            FieldSpec.M("BankCode", FieldType.String, 1, 20),
            FieldSpec.M("AllNum", FieldType.Integer),
            FieldSpec.M("AllAmt", FieldType.Currency),
            FieldSpec.O("BatchNo", FieldType.Integer),
            FieldSpec.O("BatchCount", FieldType.Integer),
        ],
        [new GroupSpec("Details", "Detail", DetailSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<TransactionReconciliation> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new TransactionReconciliation(
            r.Date("ChkDate"),
            r.Text("BankCode"),
            r.Integer("AllNum"),
            r.Money("AllAmt"),
            r.Items("Details", "Detail")
                .Select(d => new Detail(d.Text("PayCode"), d.Text("TraNoBus"), d.Date("CfmDate"), d.Time("CfmTime"), d.Money("Amt"), d.Code("PayMode")))
                .ToArray(),
            r.Text("BatchNo").Length > 0 ? r.Integer("BatchNo") : null,
            r.Text("BatchCount").Length > 0 ? r.Integer("BatchCount") : null));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("ChkDate", ChkDate).Text("BankCode", BankCode).Integer("AllNum", AllNum).Money("AllAmt", AllAmt)
        .Text("BatchNo", BatchNo?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Text("BatchCount", BatchCount?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Group("Details", "Detail", Details, (b, d) => b
            .Text("PayCode", d.PayCode).Text("TraNoBus", d.TraNoBus).Date("CfmDate", d.CfmDate)
            .Time("CfmTime", d.CfmTime).Money("Amt", d.Amt).Code("PayMode", d.PayMode))
        .Build();
}
