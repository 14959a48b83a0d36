using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// Bounded: the last version number and the one proposal waiting for a decision. Every version
/// and decision lives in <c>clearing_rules</c> / <c>clearing_rule_shares</c>.
/// </summary>
[GenerateSerializer]
[Alias("clearing.ClearingRuleState")]
public sealed class ClearingRuleState : IJournaledState
{
    [Id(0)] public int LastVersion { get; set; }

    [Id(1)] public ClearingRuleVersion? Pending { get; set; }

    [NonSerialized]
    private JournalBuffer? _journal;

    /// <summary>Never serialized; created on first use because deserialization may skip initializers.</summary>
    public JournalBuffer Journal => _journal ??= new();
}
