using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// The 5618s of revenue that clearing has put in place. Each (account paid into, item) amount is
/// split by the item's rule exactly as clearing split it (<see cref="ClearingSplit"/>, to the cent),
/// so each share of a budget level sits in that share's account; the share is remitted from there
/// to the level's configured treasury. A share whose account is that treasury already needs no
/// remittance, and a zero share gets none. Drafts are grouped by (account, budget level), one row
/// per item, in a fixed order so a recomputation gives the same drafts.
/// </summary>
public static class RemittanceComputation
{
    private static readonly IComparer<(string Account, int Level)> ByAccountThenLevel = Comparer<(string Account, int Level)>.Create((a, b) =>
        string.CompareOrdinal(a.Account, b.Account) is var byAccount and not 0 ? byAccount : a.Level.CompareTo(b.Level));

    /// <summary>The budget levels the rules route money to that have no treasury configured (nothing can be computed until they have).</summary>
    public static IReadOnlyList<int> MissingTreasuries(IEnumerable<RuleInForce> rules, IReadOnlyDictionary<int, TreasuryAccount> treasuries) =>
        [.. rules.SelectMany(r => r.Rule.Shares).Select(s => s.BudgetLevel).Distinct().Where(l => !treasuries.ContainsKey(l)).Order()];

    /// <param name="amounts">(account paid into, item, amount) rows; for a direct remittance the rows of one payment.</param>
    /// <param name="payCode">The payment the rows belong to (direct), or null (central).</param>
    public static IReadOnlyList<RemittanceDraft> Drafts(
        IEnumerable<(string PayeeAcct, string ItemCode, decimal Amount)> amounts,
        IReadOnlyDictionary<string, RuleInForce> rules,
        IReadOnlyDictionary<int, TreasuryAccount> treasuries,
        IReadOnlyDictionary<string, string> budgetSubjects,
        string? payCode)
    {
        var groups = new SortedDictionary<(string Account, int Level), SortedDictionary<string, decimal>>(ByAccountThenLevel);
        foreach (var (payeeAcct, itemCode, amount) in amounts.OrderBy(a => a.PayeeAcct, StringComparer.Ordinal).ThenBy(a => a.ItemCode, StringComparer.Ordinal))
        {
            var rule = rules[itemCode].Rule;
            var parts = ClearingSplit.Split(amount, rule);
            for (var i = 0; i < parts.Length; i++)
            {
                var share = rule.Shares[i];
                if (parts[i] == 0 || treasuries[share.BudgetLevel].Code == share.AccountNo)
                {
                    continue;
                }

                var items = groups.TryGetValue((share.AccountNo, share.BudgetLevel), out var found)
                    ? found
                    : groups[(share.AccountNo, share.BudgetLevel)] = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
                items[itemCode] = items.GetValueOrDefault(itemCode) + parts[i];
            }
        }

        return [.. groups.Select(g =>
        {
            var treasury = treasuries[g.Key.Level];
            var lines = g.Value.Select((item, n) => new RemittanceLine(n + 1, item.Key, budgetSubjects.GetValueOrDefault(item.Key, item.Key),
                rules[item.Key].Rule.FundType, item.Value, payCode, rules[item.Key].Version)).ToArray();
            return new RemittanceDraft(g.Key.Account, g.Key.Level, treasury.Code, treasury.Name, lines.Sum(l => l.Amount), lines);
        })];
    }
}
