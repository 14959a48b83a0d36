namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>The finance bureau running a finance node (财政局), e.g. F320682 如皋市.</summary>
[GenerateSerializer, Immutable]
public sealed record BureauProfile(
    [property: Id(0)] string FinanceNode,
    [property: Id(1)] string RegionCode,
    [property: Id(2)] string Name);
