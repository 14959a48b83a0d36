namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>basedata.changed: one versioned edit of base data (unit, item, region, calendar…).</summary>
/// <param name="Before">The value before, as JSON text (<see cref="FactJson.Snapshot"/>); null when it was created.</param>
/// <param name="After">The value after, as JSON text; null when it was removed.</param>
public sealed record BaseDataChanged(
    string Entity,
    string Key,
    int Version,
    string Operator,
    string? Before,
    string? After) : IFact
{
    public static string Kind => "basedata.changed";
}
