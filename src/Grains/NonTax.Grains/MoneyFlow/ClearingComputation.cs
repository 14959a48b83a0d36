using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// A day's 5614 rows from its revenue by (account paid into, item) and each item's rule: every
/// total split by <see cref="ClearingSplit"/>, one row per share that moves money. A share whose
/// account is the one the money already sits in needs no movement and gets no row; a zero share
/// (a total of a few cents) gets none either. The rows keep the rule version they came from.
/// </summary>
public static class ClearingComputation
{
    public static IReadOnlyList<ClearingLine> Lines(IReadOnlyList<RevenueRow> revenue, IReadOnlyDictionary<string, RuleInForce> rules)
    {
        var lines = new List<ClearingLine>();
        foreach (var row in revenue.OrderBy(r => r.PayeeAcct, StringComparer.Ordinal).ThenBy(r => r.ItemCode, StringComparer.Ordinal))
        {
            var inForce = rules[row.ItemCode];
            var parts = ClearingSplit.Split(row.Amount, inForce.Rule);
            for (var i = 0; i < parts.Length; i++)
            {
                var share = inForce.Rule.Shares[i];
                if (parts[i] == 0 || share.AccountNo == row.PayeeAcct)
                {
                    continue;
                }

                lines.Add(new ClearingLine(lines.Count + 1, row.PayeeAcct, share.AccountNo, share.AccountName, share.BankNo,
                    row.ItemCode, inForce.Rule.FundType, share.BudgetLevel, parts[i], inForce.Version));
            }
        }

        return lines;
    }
}
