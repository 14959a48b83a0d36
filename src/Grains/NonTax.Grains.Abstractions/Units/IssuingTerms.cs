namespace NonTax.Grains.Abstractions.Units;

/// <summary>What an issue needs from its unit to validate a draft: read without a unit write.</summary>
/// <param name="Profile">Null when the unit does not exist.</param>
[GenerateSerializer, Immutable]
public sealed record IssuingTerms(
    [property: Id(0)] CollectingUnitProfile? Profile,
    [property: Id(1)] IReadOnlyList<CollectionRight> Rights,
    [property: Id(2)] bool IsBlocked,
    [property: Id(3)] string? BlockReason,
    [property: Id(4)] int Version);
