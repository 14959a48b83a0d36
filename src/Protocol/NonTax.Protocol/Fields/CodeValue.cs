using System.Globalization;

namespace NonTax.Protocol.Fields;

/// <summary>
/// Code-table values (PayMode, RecAcctType, PayStats…). The wire may carry <c>1</c> or <c>01</c>
/// for the same code; typed vouchers hold the number and write it as real traffic shows it,
/// without leading zeros.
/// </summary>
public static class CodeValue
{
    /// <summary>Parses a code of at most <paramref name="maxDigits"/> digits.</summary>
    public static bool TryParse(string? text, int maxDigits, out int code)
    {
        code = 0;
        return text is { Length: > 0 } && text.Length <= maxDigits && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }

    /// <summary>Writes a code as traffic shows it (<c>1</c>, <c>51</c>).</summary>
    public static string Format(int code)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(code);
        return code.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when two wire codes mean the same (<c>1</c> = <c>01</c>).</summary>
    public static bool SameCode(string? a, string? b) =>
        TryParse(a, 9, out var x) && TryParse(b, 9, out var y) && x == y;
}
