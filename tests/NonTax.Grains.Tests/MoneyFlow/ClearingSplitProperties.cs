using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.MoneyFlow;

namespace NonTax.Grains.Tests.MoneyFlow;

/// <summary>
/// Clearing to the cent: for any amount and any valid ratios the parts add up to the amount
/// exactly, none is negative, each is within one cent of its exact share, and the leftover cents
/// go by largest remainder with ties to the stated account.
/// </summary>
public class ClearingSplitProperties
{
    private const int Denominator = 1_000_000;

    /// <summary>Ratios with six decimals that add up to exactly 1: random weights over a fixed denominator.</summary>
    private static Gen<ClearingRule> Rules =>
        from count in Gen.Choose(1, 7)
        from cuts in Gen.ArrayOf(Gen.Choose(1, Denominator - 1), count - 1)
        let points = cuts.Distinct().Order().Prepend(0).Append(Denominator).ToArray()
        let shares = points.Zip(points.Skip(1), (a, b) => b - a).Select((w, i) => new ClearingShare((i % 5) + 1, $"ACCT{i}", $"账户{i}", w / (decimal)Denominator)).ToArray()
        from remainder in Gen.Choose(0, shares.Length - 1)
        select new ClearingRule("103043211", new DateOnly(2026, 1, 1), "1", 2, shares, shares[remainder].AccountNo);

    private static Gen<decimal> Amounts =>
        Gen.OneOf(
            Gen.Choose(0, 1000).Select(c => c / 100m),
            Gen.Choose(0, int.MaxValue).Select(c => c / 100m),
            from high in Gen.Choose(0, 999_999) from low in Gen.Choose(0, 999_999_999) select (high * 1_000_000_000m + low) / 100m);

    [Property(MaxTest = 500)]
    public Property Parts_add_up_to_the_amount_exactly_and_stay_within_a_cent() => Prop.ForAll(Amounts.ToArbitrary(), Rules.ToArbitrary(), (amount, rule) =>
    {
        var parts = ClearingSplit.Split(amount, rule);
        var exact = rule.Shares.Select(s => amount * s.Ratio).ToArray();
        return parts.Sum() == amount
            && parts.All(p => p >= 0 && decimal.Round(p, 2) == p)
            && parts.Zip(exact, (p, e) => p - e).All(d => d > -0.01m && d < 0.01m);
    });

    [Property(MaxTest = 300)]
    public Property The_leftover_cents_go_to_the_largest_dropped_fractions() => Prop.ForAll(Amounts.ToArbitrary(), Rules.ToArbitrary(), (amount, rule) =>
    {
        var parts = ClearingSplit.Split(amount, rule);
        var fractions = rule.Shares.Select(s => amount * 100 * s.Ratio % 1).ToArray();
        var raised = Enumerable.Range(0, parts.Length).Where(i => parts[i] * 100 > decimal.Floor(amount * 100 * rule.Shares[i].Ratio)).ToArray();
        var kept = Enumerable.Range(0, parts.Length).Except(raised).ToArray();
        // No share that got an extra cent dropped less than a share that did not.
        return raised.All(r => kept.All(k => fractions[r] >= fractions[k]));
    });

    [Fact]
    public void A_tie_gives_the_cent_to_the_stated_account()
    {
        var shares = new[] { new ClearingShare(4, "COUNTY", "县", 0.5m), new ClearingShare(2, "PROVINCE", "省", 0.5m) };
        Assert.Equal([0.00m, 0.01m], ClearingSplit.Split(0.01m, new ClearingRule("I", default, "1", 2, shares, "PROVINCE")));
        Assert.Equal([0.01m, 0.00m], ClearingSplit.Split(0.01m, new ClearingRule("I", default, "1", 2, shares, "COUNTY")));
    }

    [Fact]
    public void Thirds_of_a_hundred_yuan()
    {
        var shares = new[] { new ClearingShare(4, "A", "甲", 0.333333m), new ClearingShare(3, "B", "乙", 0.333333m), new ClearingShare(2, "C", "丙", 0.333334m) };
        var parts = ClearingSplit.Split(100m, new ClearingRule("I", default, "1", 2, shares, "A"));
        Assert.Equal([33.33m, 33.33m, 33.34m], parts);
    }
}

/// <summary>A rule is usable only if every cent has exactly one place to go.</summary>
public class ClearingRuleCheckTests
{
    private static readonly ClearingRule Valid = new("103043211", new DateOnly(2026, 1, 1), "1", 2,
        [new ClearingShare(4, "A", "县国库", 0.6m), new ClearingShare(2, "B", "省国库", 0.4m)], "A");

    [Fact]
    public void Refuses_ratios_that_do_not_add_up_to_one_and_other_holes()
    {
        Assert.Null(ClearingRuleCheck.Problem(Valid));
        Assert.Contains("add up", ClearingRuleCheck.Problem(Valid with { Shares = [Valid.Shares[0], Valid.Shares[1] with { Ratio = 0.39m }] }));
        Assert.Contains("six decimals", ClearingRuleCheck.Problem(Valid with { Shares = [Valid.Shares[0] with { Ratio = 0.6000001m }, Valid.Shares[1] with { Ratio = 0.3999999m }] }));
        Assert.Contains("appears twice", ClearingRuleCheck.Problem(Valid with { Shares = [Valid.Shares[0], Valid.Shares[1] with { AccountNo = "A" }] }));
        Assert.Contains("remainderAccountNo", ClearingRuleCheck.Problem(Valid with { RemainderAccountNo = "Z" }));
        Assert.Contains("budgetLevel", ClearingRuleCheck.Problem(Valid with { Shares = [Valid.Shares[0] with { BudgetLevel = 6 }, Valid.Shares[1]] }));
        Assert.Contains("remitMode", ClearingRuleCheck.Problem(Valid with { RemitMode = 3 }));
    }
}
