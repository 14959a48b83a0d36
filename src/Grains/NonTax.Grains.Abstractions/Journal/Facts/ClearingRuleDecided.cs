namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>clearing.rule_decided: a second person approved (the version takes effect on its day) or rejected a proposed version.</summary>
public sealed record ClearingRuleDecided(
    string ItemCode,
    int Version,
    bool Approved,
    string Operator,
    string? Reason) : IFact
{
    public static string Kind => "clearing.rule_decided";
}
