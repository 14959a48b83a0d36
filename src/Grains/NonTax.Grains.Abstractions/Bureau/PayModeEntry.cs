namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>One row of the configurable PayMode (channel) table.</summary>
[GenerateSerializer, Immutable]
public sealed record PayModeEntry([property: Id(0)] string Code, [property: Id(1)] string Name);
