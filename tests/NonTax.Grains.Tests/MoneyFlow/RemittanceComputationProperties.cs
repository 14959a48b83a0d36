using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.MoneyFlow;

namespace NonTax.Grains.Tests.MoneyFlow;

/// <summary>
/// Remittance to the cent: for any day of (account, item) amounts and any rules, the 5618s plus
/// the shares cleared straight into a treasury add up to the day's revenue exactly, every draft's
/// rows add up to its amount, and each (account, budget level) gets one draft.
/// </summary>
public class RemittanceComputationProperties
{
    private const int Denominator = 1_000_000;

    private static readonly Dictionary<int, TreasuryAccount> Treasuries = Enumerable.Range(1, 5)
        .ToDictionary(l => l, l => new TreasuryAccount { Code = $"TRE{l}", Name = $"国库{l}" });

    /// <summary>A rule whose shares go to fiscal accounts or (sometimes) straight to their level's treasury.</summary>
    private static Gen<RuleInForce> Rule(string item) =>
        from count in Gen.Choose(1, 5)
        from cuts in Gen.ArrayOf(Gen.Choose(1, Denominator - 1), count - 1)
        from toTreasury in Gen.ArrayOf(Gen.Elements(false, false, true), count)
        let points = cuts.Distinct().Order().Prepend(0).Append(Denominator).ToArray()
        let shares = points.Zip(points.Skip(1), (a, b) => b - a)
            .Select((w, i) => new ClearingShare((i % 5) + 1, toTreasury[i % toTreasury.Length] ? $"TRE{(i % 5) + 1}" : $"ACCT{i % 3}", $"账户{i}", w / (decimal)Denominator))
            .ToArray()
        select new RuleInForce(1, new ClearingRule(item, new DateOnly(2026, 1, 1), "1", 2, shares, shares[0].AccountNo));

    private static Gen<(string, string, decimal)[]> Day =>
        from count in Gen.Choose(0, 12)
        from rows in Gen.ArrayOf(
            from account in Gen.Elements("P1", "P2")
            from item in Gen.Elements("I1", "I2", "I3")
            from cents in Gen.Choose(0, 50_000_000)
            select (account, item, cents / 100m),
            count)
        select rows;

    private static Gen<Dictionary<string, RuleInForce>> Rules =>
        from r1 in Rule("I1")
        from r2 in Rule("I2")
        from r3 in Rule("I3")
        select new Dictionary<string, RuleInForce> { ["I1"] = r1, ["I2"] = r2, ["I3"] = r3 };

    [Property(MaxTest = 300)]
    public Property Drafts_and_treasury_shares_add_up_to_the_revenue() => Prop.ForAll(
        Day.ToArbitrary(), Rules.ToArbitrary(), (day, rules) =>
    {
        var drafts = RemittanceComputation.Drafts(day, rules, Treasuries, new Dictionary<string, string>(), null);
        var inTreasury = day.Sum(d =>
        {
            var rule = rules[d.Item2].Rule;
            var parts = ClearingSplit.Split(d.Item3, rule);
            return parts.Where((_, i) => rule.Shares[i].AccountNo == Treasuries[rule.Shares[i].BudgetLevel].Code).Sum();
        });
        return drafts.Sum(d => d.Amount) + inTreasury == day.Sum(d => d.Item3)
            && drafts.All(d => d.Amount == d.Lines.Sum(l => l.Amount) && d.Amount > 0 && d.TreCode == Treasuries[d.BudgetLevel].Code)
            && drafts.Select(d => (d.PayAcct, d.BudgetLevel)).Distinct().Count() == drafts.Count;
    });

    [Fact]
    public void A_missing_treasury_is_named()
    {
        var rule = new RuleInForce(1, new ClearingRule("I", default, "1", 2, [new ClearingShare(5, "A", "镇", 1m)], "A"));
        Assert.Equal([5], RemittanceComputation.MissingTreasuries([rule], new Dictionary<int, TreasuryAccount> { [4] = new() { Code = "T4" } }));
    }
}
