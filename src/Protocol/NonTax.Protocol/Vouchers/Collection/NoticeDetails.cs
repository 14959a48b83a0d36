using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.Collection.NoticeFieldSpecs;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 5603 (to a bank, reply to 2601) / 5997 (to a unit, reply to 8997): a notice's details, also
/// each <c>Bill</c> of 5698. <c>PayStats</c> on the wire is only 0 unpaid, 1 paid, 2 void.
/// RecName, RecAcct and RecOpBk may be empty only when RecAcctType is 3 (ledger subject).
/// </summary>
public sealed record NoticeDetails(
    string AdmDivCode,
    string PayCode,
    DateOnly BillDate,
    string ChgAgenCode,
    string ChgAgenName,
    string PayerName,
    string PayerAcct,
    string PayerOpBk,
    decimal Amt,
    decimal OriAmt,
    decimal DelayAmt,
    int PayStats,
    int RecAcctType,
    string RecName,
    string RecAcct,
    string RecOpBk,
    int IsInterBank,
    string PayInfo,
    string Memo,
    string Hold1,
    string Hold2) : ITypedVoucher<NoticeDetails>
{
    /// <summary>RecAcctType 3: a ledger subject; the payee fields may then be empty.</summary>
    public const int LedgerSubject = 3;

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        F.AdmDivCode, F.PayCode, F.BillDate, F.ChgAgenCode, F.ChgAgenName, F.PayerName, F.PayerAcct, F.PayerOpBk,
        F.Amt, F.OriAmt, F.DelayAmt, F.PayStats, F.RecAcctType,
        FieldSpec.C("RecName", FieldType.GBString, 0, 100),
        FieldSpec.C("RecAcct", FieldType.String, 0, 50),
        FieldSpec.C("RecOpBk", FieldType.GBString, 0, 100),
        F.IsInterBank, F.PayInfo, F.Memo,
        FieldSpec.M("Hold1", FieldType.GBString, 0, 100),
        F.Hold2,
    ]);

    /// <inheritdoc />
    public static ProtocolResult<NoticeDetails> Parse(Voucher voucher) => Spec.Read(voucher, Read, Check);

    /// <inheritdoc />
    public Voucher ToVoucher() => WriteTo(new VoucherBuilder()).Build();

    internal static NoticeDetails Read(VoucherFieldReader r) => new(
        r.Text("AdmDivCode"), r.Text("PayCode"), r.Date("BillDate"), r.Text("ChgAgenCode"), r.Text("ChgAgenName"),
        r.Text("PayerName"), r.Text("PayerAcct"), r.Text("PayerOpBk"), r.Money("Amt"), r.Money("OriAmt"),
        r.Money("DelayAmt"), r.Code("PayStats"), r.Code("RecAcctType"), r.Text("RecName"), r.Text("RecAcct"),
        r.Text("RecOpBk"), r.Code("IsInterBank"), r.Text("PayInfo"), r.Text("Memo"), r.Text("Hold1"), r.Text("Hold2"));

    internal VoucherBuilder WriteTo(VoucherBuilder b) => b
        .Text("AdmDivCode", AdmDivCode).Text("PayCode", PayCode).Date("BillDate", BillDate)
        .Text("ChgAgenCode", ChgAgenCode).Text("ChgAgenName", ChgAgenName).Text("PayerName", PayerName)
        .Text("PayerAcct", PayerAcct).Text("PayerOpBk", PayerOpBk)
        .Money("Amt", Amt).Money("OriAmt", OriAmt).Money("DelayAmt", DelayAmt)
        .Code("PayStats", PayStats).Code("RecAcctType", RecAcctType)
        .Text("RecName", RecName).Text("RecAcct", RecAcct).Text("RecOpBk", RecOpBk)
        .Code("IsInterBank", IsInterBank).Text("PayInfo", PayInfo).Text("Memo", Memo)
        .Text("Hold1", Hold1).Text("Hold2", Hold2);

    internal static ProtocolError? Check(NoticeDetails notice)
    {
        if (notice.PayStats > 2)
        {
            return ProtocolError.InvalidField("PayStats", "must be 0, 1 or 2");
        }

        if (notice.RecAcctType != LedgerSubject)
        {
            foreach (var (name, value) in new[] { ("RecName", notice.RecName), ("RecAcct", notice.RecAcct), ("RecOpBk", notice.RecOpBk) })
            {
                if (value.Length == 0)
                {
                    return ProtocolError.InvalidField(name, "required unless RecAcctType is 3");
                }
            }
        }

        return null;
    }
}
