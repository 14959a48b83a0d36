namespace NonTax.Grains.Abstractions.Bills;

/// <summary>A bill range as staff see it.</summary>
/// <param name="Holder">Finance node code while in stock, else the collecting unit's code.</param>
/// <param name="NextUnused">Numbers below it (from First) have been taken by the unit; the rest are unused.</param>
/// <param name="Voided">Taken numbers voided as spoiled.</param>
/// <param name="WrittenOffThrough">Used numbers up to this one have been checked off (核销); 0 when none.</param>
[GenerateSerializer, Immutable]
public sealed record BillRangeView(
    [property: Id(0)] BillNumberRange Range,
    [property: Id(1)] BillMedium Medium,
    [property: Id(2)] string Holder,
    [property: Id(3)] bool HeldByUnit,
    [property: Id(4)] long NextUnused,
    [property: Id(5)] long Voided,
    [property: Id(6)] long WrittenOffThrough,
    [property: Id(7)] int Version)
{
    public long Unused => Range.Last - NextUnused + 1;
    public long Taken => NextUnused - Range.First;
}
