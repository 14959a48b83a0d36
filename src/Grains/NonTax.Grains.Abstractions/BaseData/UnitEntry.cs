using NonTax.Grains.Abstractions.Units;

namespace NonTax.Grains.Abstractions.BaseData;

/// <summary>A collecting unit in a base-data document: its profile, the item codes it may charge and its limits.</summary>
public sealed record UnitEntry(
    CollectingUnitProfile Profile,
    IReadOnlyList<string> ItemCodes,
    MonitoringLimits? Limits = null);
