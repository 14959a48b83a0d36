namespace NonTax.Grains.Abstractions.Units;

[GenerateSerializer, Immutable]
public sealed record CollectingUnitView(
    [property: Id(0)] CollectingUnitProfile Profile,
    [property: Id(1)] IReadOnlyList<CollectionRight> Rights,
    [property: Id(2)] MonitoringLimits Limits,
    [property: Id(3)] MonitoringState Monitoring,
    [property: Id(4)] int Version);
