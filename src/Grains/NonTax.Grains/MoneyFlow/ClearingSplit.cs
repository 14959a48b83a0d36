using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// Splits an amount between a rule's shares to the cent, by largest remainder (Hamilton): each
/// share first gets its exact part rounded down to the cent; the cents left over (fewer than the
/// number of shares) go one each to the shares with the largest dropped fractions; on a tie the
/// rule's remainder account comes first, then the shares in their order. The parts add up to the
/// amount exactly, and no share is more than one cent away from its exact part.
/// </summary>
public static class ClearingSplit
{
    /// <returns>One amount per share, in the order of <see cref="ClearingRule.Shares"/>.</returns>
    public static decimal[] Split(decimal amount, ClearingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (amount < 0 || decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A cleared amount is non-negative with at most two decimals.");
        }

        var shares = rule.Shares;
        var cents = decimal.ToInt64(amount * 100);
        var parts = new long[shares.Count];
        var dropped = new decimal[shares.Count];
        for (var i = 0; i < shares.Count; i++)
        {
            var exact = cents * shares[i].Ratio;
            parts[i] = decimal.ToInt64(decimal.Floor(exact));
            dropped[i] = exact - parts[i];
        }

        var left = cents - parts.Sum();
        var order = Enumerable.Range(0, shares.Count)
            .OrderByDescending(i => dropped[i])
            .ThenBy(i => shares[i].AccountNo == rule.RemainderAccountNo ? 0 : 1)
            .ThenBy(i => i)
            .ToArray();
        for (var k = 0; k < left; k++)
        {
            parts[order[k % order.Length]]++;
        }

        return [.. parts.Select(p => p / 100m)];
    }
}
