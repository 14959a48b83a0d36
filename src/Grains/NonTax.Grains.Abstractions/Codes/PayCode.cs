using System.Diagnostics.CodeAnalysis;

namespace NonTax.Grains.Abstractions.Codes;

/// <summary>
/// A 20-digit payment code (缴款识别码): region (6, GB/T 2260) + year (2) + issuer (2) +
/// sequence (9) + check digit (1).
/// </summary>
/// <remarks>
/// Check digit: the Luhn mod-10 digit computed over the first 19 digits (starting from the
/// rightmost of the 19 digits, every second digit is doubled, digits of products are summed,
/// and the check digit brings the total to a multiple of 10). Codes this system allocates always
/// carry it; codes supplied by a unit system (8994 input mode) or imported are accepted with any
/// last digit, because the system must never reject a code it issued or imported — so
/// <see cref="TryParse"/> checks only the shape, and <see cref="HasValidCheckDigit"/> is advisory.
/// </remarks>
[GenerateSerializer, Immutable]
public readonly record struct PayCode
{
    public const int Length = 20;

    [Id(0)] public string Value { get; }

    private PayCode(string value) => Value = value;

    public string RegionCode => Value[..6];
    public string Year => Value.Substring(6, 2);
    public string Issuer => Value.Substring(8, 2);
    public long Sequence => long.Parse(Value.AsSpan(10, 9), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the last digit is the Luhn digit of the first 19 (true for every code this system allocated).</summary>
    public bool HasValidCheckDigit => Value[19] - '0' == LuhnCheckDigit(Value.AsSpan(0, 19));

    public static bool IsWellFormed([NotNullWhen(true)] string? text) =>
        text is { Length: Length } && text.All(char.IsAsciiDigit);

    public static bool TryParse([NotNullWhen(true)] string? text, out PayCode code)
    {
        code = IsWellFormed(text) ? new PayCode(text) : default;
        return code.Value is not null;
    }

    public static PayCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a 20-digit payment code.");

    /// <summary>Builds a code from its parts and appends the Luhn check digit.</summary>
    public static PayCode Compose(string regionCode, int year, int issuer, long sequence)
    {
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Region code must be 6 digits.", nameof(regionCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(issuer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(issuer, 99);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        var body = FormattableString.Invariant($"{regionCode}{year % 100:D2}{issuer:D2}{sequence:D9}");
        return new PayCode(body + (char)('0' + LuhnCheckDigit(body)));
    }

    public const long MaxSequence = 999_999_999;

    public static int LuhnCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }

    public override string ToString() => Value;
}
