namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>A version of an item's clearing rule and where it stands in maker-checker.</summary>
/// <param name="Status">proposed, approved or rejected.</param>
[GenerateSerializer, Immutable]
[Alias("clearing.ClearingRuleVersion")]
public sealed record ClearingRuleVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] ClearingRule Rule,
    [property: Id(2)] string Status,
    [property: Id(3)] string ProposedBy,
    [property: Id(4)] string? DecidedBy = null,
    [property: Id(5)] string? Reason = null);

/// <summary>The outcome of a change to a clearing rule: the version it made, or why it was refused.</summary>
[GenerateSerializer, Immutable]
[Alias("clearing.ClearingRuleChange")]
public sealed record ClearingRuleChange(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] int Version,
    [property: Id(2)] string? Error = null);
