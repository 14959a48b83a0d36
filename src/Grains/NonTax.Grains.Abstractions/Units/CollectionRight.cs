namespace NonTax.Grains.Abstractions.Units;

/// <summary>The right of a unit to charge an income item; both codes kept so PayInfo may name either.</summary>
[GenerateSerializer, Immutable]
public sealed record CollectionRight(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] string NationalItemCode);
