namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>An administrative region (GB/T 2260 code) the finance node serves.</summary>
[GenerateSerializer, Immutable]
public sealed record Region([property: Id(0)] string Code, [property: Id(1)] string Name);
