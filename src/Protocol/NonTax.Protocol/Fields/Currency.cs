using System.Globalization;

namespace NonTax.Protocol.Fields;

/// <summary>
/// Currency fields: yuan as <see cref="decimal"/>. Accepts <c>21</c>, <c>80.0</c>, <c>0.01</c>;
/// refuses more than two decimals, more than 15 integer digits, signs, separators, exponents,
/// and a bare point. Always writes two decimals (<c>80.00</c>).
/// </summary>
public static class Currency
{
    /// <summary>Largest integer-part width the wire allows.</summary>
    public const int MaxIntegerDigits = 15;

    /// <summary>Parses a wire amount.</summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var point = text.IndexOf('.');
        var integerPart = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        if (integerPart.Length is 0 or > MaxIntegerDigits || !integerPart.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (point >= 0 && (fraction.Length is 0 or > 2 || !fraction.All(char.IsAsciiDigit)))
        {
            return false;
        }

        amount = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>True when <paramref name="amount"/> can be sent: not negative, at most two decimals, at most 15 integer digits.</summary>
    public static bool IsRepresentable(decimal amount) =>
        amount >= 0 && amount < 1_000_000_000_000_000m && decimal.Round(amount, 2) == amount;

    /// <summary>Formats for the wire: always two decimals.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative, too large or has more than two decimals.</exception>
    public static string Format(decimal amount)
    {
        if (!IsRepresentable(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A wire amount is non-negative, below 10^15 and has at most two decimals.");
        }

        return amount.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
