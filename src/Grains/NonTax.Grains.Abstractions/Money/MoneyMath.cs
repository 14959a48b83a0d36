using System.Globalization;

namespace NonTax.Grains.Abstractions.Money;

/// <summary>
/// Money rules of the system: yuan as <see cref="decimal"/> with two places (SQL numeric(17,2)),
/// half-up rounding to the cent, and "80.00" formatting on the wire and in facts.
/// </summary>
public static class MoneyMath
{
    /// <summary>Largest amount numeric(17,2) can hold.</summary>
    public const decimal MaxAmount = 999_999_999_999_999.99m;

    public static decimal RoundToCent(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static bool HasAtMostTwoDecimals(decimal amount) => amount == Math.Round(amount, 2);

    /// <summary>True for a non-negative amount with at most two decimals that fits numeric(17,2).</summary>
    public static bool IsValidAmount(decimal amount) =>
        amount >= 0 && amount <= MaxAmount && HasAtMostTwoDecimals(amount);

    public static string Format(decimal amount) => RoundToCent(amount).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Parses a Currency field: accepts "21", "80.0", "0.01"; refuses separators and more than two decimals.</summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 19)
        {
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        if (!IsValidAmount(parsed))
        {
            return false;
        }

        amount = parsed;
        return true;
    }
}
