namespace NonTax.Grains.Abstractions.Notices;

/// <summary>One item line of an issued notice, both codes resolved.</summary>
/// <param name="NationalItemCode">12-digit 执收项目识别码.</param>
/// <param name="ItemCode">The item's own (9-digit) code.</param>
/// <param name="Standard">Human-readable charging standard, e.g. "80.00" or "0.01-20000.00".</param>
[GenerateSerializer, Immutable]
public sealed record NoticeLine(
    [property: Id(0)] string NationalItemCode,
    [property: Id(1)] string ItemCode,
    [property: Id(2)] string ItemName,
    [property: Id(3)] string UnitOfMeasure,
    [property: Id(4)] decimal Quantity,
    [property: Id(5)] string Standard,
    [property: Id(6)] decimal Amount);
