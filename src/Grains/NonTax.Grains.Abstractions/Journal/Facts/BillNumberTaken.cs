namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>bill.number_taken: the holding unit took <see cref="Number"/> from its stock (8999, or for an e-bill).</summary>
public sealed record BillNumberTaken(
    string BillCode,
    long RangeFirst,
    long RangeLast,
    string Medium,
    string Holder,
    bool HeldByUnit,
    long NextUnused,
    long Voided,
    long WrittenOffThrough,
    int Version,
    long Number,
    string UnitCode)
    : BillRangeSnapshot(BillCode, RangeFirst, RangeLast, Medium, Holder, HeldByUnit, NextUnused, Voided, WrittenOffThrough, Version), IFact
{
    public static string Kind => "bill.number_taken";
}
