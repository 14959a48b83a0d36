using NonTax.Protocol.Fields;

namespace NonTax.Protocol.Vouchers.Units;

/// <summary>Rows shared by the unit-platform e-bill vouchers.</summary>
internal static class UnitFieldSpecs
{
    /// <summary>Large enough for an e-bill file under the 4 MiB frame limit.</summary>
    public const int MaxBase64Length = 4 * 1024 * 1024;

    public static readonly FieldSpec BillNo = FieldSpec.M("BillNo", FieldType.String, 1, 20);
    public static readonly FieldSpec AdmDivCode = FieldSpec.M("AdmDivCode", FieldType.String, 1, 6);
    public static readonly FieldSpec BillTypeCode = FieldSpec.M("BillTypeCode", FieldType.String, 1, 30);
    public static readonly FieldSpec BillTypeName = FieldSpec.M("BillTypeName", FieldType.GBString, 1, 100);
    public static readonly FieldSpec BillVerCode = FieldSpec.M("BillVerCode", FieldType.String, 1, 30);
    public static readonly FieldSpec BillVerName = FieldSpec.M("BillVerName", FieldType.GBString, 1, 100);
    public static readonly FieldSpec Version = FieldSpec.M("Version", FieldType.String, 1, 20);
    public static readonly FieldSpec Hold1 = FieldSpec.O("Hold1", FieldType.GBString, 0, 100);
    public static readonly FieldSpec Hold2 = FieldSpec.O("Hold2", FieldType.GBString, 0, 100);
    public static readonly FieldSpec ServiceResult = FieldSpec.M("Result", FieldType.String, 1, 10);
    public static readonly FieldSpec Msg = FieldSpec.O("Msg", FieldType.GBString, 0, 500);
    public static readonly FieldSpec SvrCode = FieldSpec.O("Svr_Code", FieldType.String, 0, 20);
    public static readonly FieldSpec SvrMsg = FieldSpec.O("Svr_Msg", FieldType.GBString, 0, 500);
    public static readonly FieldSpec TradeId = FieldSpec.O("Trade_Id", FieldType.String, 0, 50);
    public static readonly FieldSpec AttachInfo = FieldSpec.O("Attach_Info", FieldType.GBString, 0, 2000);
}
