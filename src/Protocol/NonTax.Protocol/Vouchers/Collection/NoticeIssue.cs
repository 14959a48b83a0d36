using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.Collection.NoticeFieldSpecs;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// 8994: a unit issues a notice in input mode (it supplies the payment code), or voids its own
/// unpaid notice with <c>PayStats</c> 2. Answered 5001 (Information = payment URL on success).
/// Parsing checks Amt = OriAmt + DelayAmt and the PayInfo syntax; whether PayInfo adds up to
/// OriAmt is a business answer (10009), see <see cref="PayInfo.AddsUpTo"/>.
/// </summary>
public sealed record NoticeIssue(
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
    string RecAcctReal,
    string RecOpBk,
    string RecBankNo,
    int IsInterBank,
    string PayInfo,
    string Memo,
    string CrcCode,
    string MobilePhone,
    string PayerCreditCode,
    string RecCreditCode,
    string OperatorCode,
    string OperatorName,
    string Hold1,
    string Hold2) : ITypedVoucher<NoticeIssue>
{
    /// <summary><c>PayStats</c> of a notice to issue.</summary>
    public const int Unpaid = 0;

    /// <summary><c>PayStats</c> that voids the unit's own unpaid notice.</summary>
    public const int Void = 2;

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        F.AdmDivCode, F.PayCode, F.BillDate, F.ChgAgenCode, F.ChgAgenName, F.PayerName, F.PayerAcct, F.PayerOpBk,
        F.Amt, F.OriAmt, F.DelayAmt, F.PayStats, F.RecAcctType,
        FieldSpec.M("RecName", FieldType.GBString, 0, 100),
        FieldSpec.M("RecAcct", FieldType.String, 0, 50),
        FieldSpec.C("RecAcctReal", FieldType.String, 0, 50),
        FieldSpec.M("RecOpBk", FieldType.GBString, 0, 100),
        FieldSpec.M("RecBankNo", FieldType.NString, 0, 20),
        F.IsInterBank, F.PayInfo, F.Memo,
        FieldSpec.O("CrcCode", FieldType.String, 0, 4),
        FieldSpec.M("MobilePhone", FieldType.String, 1, 20),
        FieldSpec.O("PayerCreditCode", FieldType.String, 0, 30),
        FieldSpec.O("RecCreditCode", FieldType.String, 0, 30),
        FieldSpec.O("OperatorCode", FieldType.String, 0, 30),
        FieldSpec.O("OperatorName", FieldType.GBString, 0, 30),
        F.Hold1, F.Hold2,
    ]);

    /// <summary>True when <c>Hold1</c> asks for a 5996 confirmation when paid.</summary>
    public bool WantsPaymentConfirmation => Hold1 == "Y";

    /// <inheritdoc />
    public static ProtocolResult<NoticeIssue> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new NoticeIssue(
            r.Text("AdmDivCode"), r.Text("PayCode"), r.Date("BillDate"), r.Text("ChgAgenCode"), r.Text("ChgAgenName"),
            r.Text("PayerName"), r.Text("PayerAcct"), r.Text("PayerOpBk"), r.Money("Amt"), r.Money("OriAmt"),
            r.Money("DelayAmt"), r.Code("PayStats"), r.Code("RecAcctType"), r.Text("RecName"), r.Text("RecAcct"),
            r.Text("RecAcctReal"), r.Text("RecOpBk"), r.Text("RecBankNo"), r.Code("IsInterBank"), r.Text("PayInfo"),
            r.Text("Memo"), r.Text("CrcCode"), r.Text("MobilePhone"), r.Text("PayerCreditCode"), r.Text("RecCreditCode"),
            r.Text("OperatorCode"), r.Text("OperatorName"), r.Text("Hold1"), r.Text("Hold2")),
        Check);

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("AdmDivCode", AdmDivCode).Text("PayCode", PayCode).Date("BillDate", BillDate)
        .Text("ChgAgenCode", ChgAgenCode).Text("ChgAgenName", ChgAgenName).Text("PayerName", PayerName)
        .Text("PayerAcct", PayerAcct).Text("PayerOpBk", PayerOpBk)
        .Money("Amt", Amt).Money("OriAmt", OriAmt).Money("DelayAmt", DelayAmt)
        .Code("PayStats", PayStats).Code("RecAcctType", RecAcctType)
        .Text("RecName", RecName).Text("RecAcct", RecAcct).Text("RecAcctReal", RecAcctReal).Text("RecOpBk", RecOpBk)
        .Text("RecBankNo", RecBankNo).Code("IsInterBank", IsInterBank).Text("PayInfo", PayInfo).Text("Memo", Memo)
        .Text("CrcCode", CrcCode).Text("MobilePhone", MobilePhone).Text("PayerCreditCode", PayerCreditCode)
        .Text("RecCreditCode", RecCreditCode).Text("OperatorCode", OperatorCode).Text("OperatorName", OperatorName)
        .Text("Hold1", Hold1).Text("Hold2", Hold2)
        .Build();

    private static ProtocolError? Check(NoticeIssue notice)
    {
        if (notice.Amt != notice.OriAmt + notice.DelayAmt)
        {
            return ProtocolError.InvalidField("Amt", "differs from OriAmt + DelayAmt");
        }

        if (notice.PayStats is not (Unpaid or Void))
        {
            return ProtocolError.InvalidField("PayStats", "must be 0 (issue) or 2 (void)");
        }

        var lines = Collection.PayInfo.Parse(notice.PayInfo);
        return lines.IsSuccess ? null : lines.Error;
    }
}
