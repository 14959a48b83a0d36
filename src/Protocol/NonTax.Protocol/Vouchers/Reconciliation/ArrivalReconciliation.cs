using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Reconciliation;

/// <summary>
/// 2557 到账对账 (bank → finance, answered 5001; result 5557 later): every credit to a fiscal
/// account at the bank on ChkDate — payments taken into the account and transferred, cleared or
/// virtual-account money that arrived — one row per bank transaction (TraNo, unique within the
/// bank: a payment's TraNoBus, a movement's TraNo). Split like 2555 (vouchers of one message, or
/// BatchNo of BatchCount).
/// </summary>
public sealed record ArrivalReconciliation(
    DateOnly ChkDate,
    string BankCode,
    long AllNum,
    decimal AllAmt,
    IReadOnlyList<ArrivalReconciliation.Detail> Details,
    long? BatchNo = null,
    long? BatchCount = null) : ITypedVoucher<ArrivalReconciliation>
{
    /// <summary>One credit: the bank's transaction, the account credited, the amount and, for a payment, its code.</summary>
    public sealed record Detail(string TraNo, string AcctNo, decimal Amt, string PayCode = "");

    private static readonly VoucherSpec DetailSpec = new(
    [
        FieldSpec.M("TraNo", FieldType.String, 1, 50),
        FieldSpec.M("AcctNo", FieldType.String, 1, 50),
        FieldSpec.M("Amt", FieldType.Currency),
        FieldSpec.O("PayCode", FieldType.String, 0, 20),
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
    public static ProtocolResult<ArrivalReconciliation> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new ArrivalReconciliation(
            r.Date("ChkDate"),
            r.Text("BankCode"),
            r.Integer("AllNum"),
            r.Money("AllAmt"),
            r.Items("Details", "Detail").Select(d => new Detail(d.Text("TraNo"), d.Text("AcctNo"), d.Money("Amt"), d.Text("PayCode"))).ToArray(),
            r.Text("BatchNo").Length > 0 ? r.Integer("BatchNo") : null,
            r.Text("BatchCount").Length > 0 ? r.Integer("BatchCount") : null));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Date("ChkDate", ChkDate).Text("BankCode", BankCode).Integer("AllNum", AllNum).Money("AllAmt", AllAmt)
        .Text("BatchNo", BatchNo?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Text("BatchCount", BatchCount?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Group("Details", "Detail", Details, (b, d) => b.Text("TraNo", d.TraNo).Text("AcctNo", d.AcctNo).Money("Amt", d.Amt).Text("PayCode", d.PayCode))
        .Build();
}
