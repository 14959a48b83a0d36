using NonTax.Protocol.Fields;

namespace NonTax.Protocol.Vouchers.BaseData;

/// <summary>Rows shared by the base-data refreshes.</summary>
internal static class BaseDataFieldSpecs
{
    /// <summary>Refresh sequence number: only grows; a bank ignores a refresh not above the last one it applied (ours).</summary>
    public static readonly FieldSpec SeqNo = FieldSpec.M("SeqNo", FieldType.NString, 1, 18);
    public static readonly FieldSpec AcctNo = FieldSpec.M("AcctNo", FieldType.String, 1, 50);
    public static readonly FieldSpec AcctName = FieldSpec.M("AcctName", FieldType.GBString, 1, 100);
    public static readonly FieldSpec BankCode = FieldSpec.M("BankCode", FieldType.String, 1, 20);
    public static readonly FieldSpec Result = FieldSpec.M("Result", FieldType.NString, 5, 5);
}
