namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>clearing.rule_proposed: a new version of an item's clearing rule waits for a second person.</summary>
public sealed record ClearingRuleProposed(
    string ItemCode,
    int Version,
    DateOnly EffectiveFrom,
    string FundType,
    int RemitMode,
    string RemainderAccountNo,
    IReadOnlyList<ClearingRuleProposed.Share> Shares,
    string Operator) : IFact
{
    public static string Kind => "clearing.rule_proposed";

    /// <summary>One budget level's share.</summary>
    public sealed record Share(int BudgetLevel, string AccountNo, string AccountName, string BankNo, decimal Ratio);
}
