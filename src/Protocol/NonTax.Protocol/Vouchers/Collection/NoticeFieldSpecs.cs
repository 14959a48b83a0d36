using NonTax.Protocol.Fields;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>Field rows shared by the notice-shaped vouchers (8994, 5603/5997, 5698 bills).</summary>
internal static class NoticeFieldSpecs
{
    public static readonly FieldSpec AdmDivCode = FieldSpec.M("AdmDivCode", FieldType.String, 1, 6);
    public static readonly FieldSpec PayCode = FieldSpec.M("PayCode", FieldType.String, 1, 20);
    public static readonly FieldSpec BillDate = FieldSpec.M("BillDate", FieldType.Date);
    public static readonly FieldSpec ChgAgenCode = FieldSpec.M("ChgAgenCode", FieldType.String, 1, 30);
    public static readonly FieldSpec ChgAgenName = FieldSpec.M("ChgAgenName", FieldType.GBString, 1, 100);
    public static readonly FieldSpec PayerName = FieldSpec.M("PayerName", FieldType.GBString, 1, 100);
    public static readonly FieldSpec PayerAcct = FieldSpec.O("PayerAcct", FieldType.String, 0, 50);
    public static readonly FieldSpec PayerOpBk = FieldSpec.O("PayerOpBk", FieldType.GBString, 0, 100);
    public static readonly FieldSpec Amt = FieldSpec.M("Amt", FieldType.Currency);
    public static readonly FieldSpec OriAmt = FieldSpec.M("OriAmt", FieldType.Currency);
    public static readonly FieldSpec DelayAmt = FieldSpec.M("DelayAmt", FieldType.Currency);
    public static readonly FieldSpec PayStats = FieldSpec.M("PayStats", FieldType.Code, 1, 1);
    public static readonly FieldSpec RecAcctType = FieldSpec.M("RecAcctType", FieldType.Code, 1, 2);
    public static readonly FieldSpec IsInterBank = FieldSpec.M("IsInterBank", FieldType.Code, 1, 1);
    public static readonly FieldSpec PayInfo = FieldSpec.O("PayInfo", FieldType.GBString, 0, 500);
    public static readonly FieldSpec Memo = FieldSpec.O("Memo", FieldType.GBString, 0, 200);
    public static readonly FieldSpec Hold1 = FieldSpec.O("Hold1", FieldType.GBString, 0, 100);
    public static readonly FieldSpec Hold2 = FieldSpec.O("Hold2", FieldType.GBString, 0, 100);
}
