namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>A bank outlet (网点) of an agent bank.</summary>
[GenerateSerializer, Immutable]
public sealed record BankOutlet(
    [property: Id(0)] string OutletCode,
    [property: Id(1)] string BankNodeCode,
    [property: Id(2)] string Name);
