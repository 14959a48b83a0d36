namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>One budget level's share of an item's revenue (分成比例) and the fiscal account it goes to.</summary>
/// <param name="BudgetLevel">1 central, 2 province, 3 city, 4 county, 5 township.</param>
/// <param name="Ratio">Share of the item's revenue, 0 &lt; ratio ≤ 1, at most six decimals; a rule's shares add up to exactly 1.</param>
/// <param name="BankNo">The receiving bank's clearing number, when known.</param>
[GenerateSerializer, Immutable]
[Alias("clearing.ClearingShare")]
public sealed record ClearingShare(
    [property: Id(0)] int BudgetLevel,
    [property: Id(1)] string AccountNo,
    [property: Id(2)] string AccountName,
    [property: Id(3)] decimal Ratio,
    [property: Id(4)] string BankNo = "");
