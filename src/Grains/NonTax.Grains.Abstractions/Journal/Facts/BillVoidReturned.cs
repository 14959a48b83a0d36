namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>bill.void_returned: the voided paper bill <see cref="Number"/> was handed back to finance.</summary>
public sealed record BillVoidReturned(
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
    string Operator)
    : BillRangeSnapshot(BillCode, RangeFirst, RangeLast, Medium, Holder, HeldByUnit, NextUnused, Voided, WrittenOffThrough, Version), IFact
{
    public static string Kind => "bill.void_returned";
}
