using NonTax.Protocol.Fields;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Reconciliation;

/// <summary>
/// What the reconciliation answers (5555, 5557, 5556) share: each difference names its record by
/// the key fields of its file, then what kind of difference it is and, for "other field differs",
/// which field and both values (docs/protocol.md).
/// </summary>
public static class ReconciliationFieldSpecs
{
    /// <summary>A difference's row: the file's key fields, then DiffType, Field, BankValue, FinanceValue.</summary>
    public static VoucherSpec Difference(params FieldSpec[] keys) => new(
    [
        .. keys,
        FieldSpec.M("DiffType", FieldType.Code, 1, 1),
        FieldSpec.O("Field", FieldType.String, 0, 30),
        FieldSpec.O("BankValue", FieldType.GBString, 0, 200),
        FieldSpec.O("FinanceValue", FieldType.GBString, 0, 200),
    ]);
}
