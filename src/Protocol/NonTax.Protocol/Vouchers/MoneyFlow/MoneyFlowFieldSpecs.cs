using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// Fields and cross-field rules shared by the money-flow vouchers (2613, 2615, 2616, 2619, 5614,
/// 2614, 5618, 2618): a header of date, bank, count and sum, then detail rows that each carry the
/// key they are matched by.
/// </summary>
public static class MoneyFlowFieldSpecs
{
    /// <summary>The bank's code (4 digits in the sandbox, up to 20).</summary>
    public static readonly FieldSpec BankCodeField = FieldSpec.M("BankCode", FieldType.String, 1, 20);

    /// <summary>Number of detail rows.</summary>
    public static readonly FieldSpec AllNumField = FieldSpec.M("AllNum", FieldType.Integer);

    /// <summary>Sum of the detail rows' amounts.</summary>
    public static readonly FieldSpec AllAmtField = FieldSpec.M("AllAmt", FieldType.Currency);

    /// <summary>The bank's transaction number of one movement, unique within that bank.</summary>
    public static readonly FieldSpec TraNoField = FieldSpec.M("TraNo", FieldType.String, 1, 50);

    /// <summary>An account number.</summary>
    public static FieldSpec Account(string name) => FieldSpec.M(name, FieldType.String, 1, 50);

    /// <summary>An optional account number.</summary>
    public static FieldSpec OptionalAccount(string name) => FieldSpec.O(name, FieldType.String, 0, 50);

    /// <summary>An optional account name.</summary>
    public static FieldSpec OptionalName(string name) => FieldSpec.O(name, FieldType.GBString, 0, 100);

    /// <summary>The amount of one row.</summary>
    public static readonly FieldSpec AmtField = FieldSpec.M("Amt", FieldType.Currency);

    /// <summary>Finance's clearing number (5614/2614), the same on every retry.</summary>
    public static readonly FieldSpec ClearNoField = FieldSpec.M("ClearNo", FieldType.String, 1, 30);

    /// <summary>Finance's remittance number (5618/2618), the same on every retry.</summary>
    public static readonly FieldSpec RemitNoField = FieldSpec.M("RemitNo", FieldType.String, 1, 30);

    /// <summary>A five-digit result code.</summary>
    public static readonly FieldSpec ResultField = FieldSpec.M("Result", FieldType.NString, 5, 5);

    /// <summary>Free text from the bank.</summary>
    public static readonly FieldSpec InformationField = FieldSpec.O("Information", FieldType.GBString, 0, 200);

    /// <summary>
    /// AllNum and AllAmt must state the rows' count and sum, every row moves a positive amount,
    /// and no key appears twice (a row named twice would be counted twice).
    /// </summary>
    public static ProtocolError? CheckTotals<T>(long allNum, decimal allAmt, IReadOnlyList<T> rows, Func<T, decimal> amount, Func<T, string> key, string rowPath)
    {
        if (allNum != rows.Count)
        {
            return ProtocolError.InvalidField("AllNum", $"says {allNum}, the voucher has {rows.Count} rows");
        }

        if (allAmt != rows.Sum(amount))
        {
            return ProtocolError.InvalidField("AllAmt", $"says {Currency.Format(allAmt)}, the rows add up to {Currency.Format(rows.Sum(amount))}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (amount(rows[i]) <= 0)
            {
                return ProtocolError.InvalidField($"{rowPath}[{i + 1}]/Amt", "must be greater than zero");
            }

            if (!seen.Add(key(rows[i])))
            {
                return ProtocolError.InvalidField($"{rowPath}[{i + 1}]", $"{key(rows[i])} appears twice");
            }
        }

        return null;
    }
}
