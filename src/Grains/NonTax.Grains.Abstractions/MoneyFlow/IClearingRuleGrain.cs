namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// The versioned clearing rule of one income item (key: the item code). A change is proposed by
/// one person and takes effect only when another approves it (maker-checker); it may only start
/// on or after today's business day, so an approved change never rewrites a day already past.
/// Versions and their decisions are projected to <c>clearing_rules</c> / <c>clearing_rule_shares</c>,
/// where the clearing reads the rule in force on a day.
/// </summary>
[Alias("clearing.IClearingRuleGrain")]
public interface IClearingRuleGrain : IGrainWithStringKey
{
    [Alias("Propose")]
    Task<ClearingRuleChange> Propose(ClearingRule rule, string operatorName);

    [Alias("Approve")]
    Task<ClearingRuleChange> Approve(int version, string operatorName);

    [Alias("Reject")]
    Task<ClearingRuleChange> Reject(int version, string operatorName, string reason);

    /// <summary>The proposal waiting for a decision, if any.</summary>
    [Alias("GetPending")]
    Task<ClearingRuleVersion?> GetPending();
}
