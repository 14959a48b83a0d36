namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// bill.moved: bill numbers [First, Last] moved (<see cref="Movement"/>: received, distributed, recalled,
/// returned, split, written_off) from one holder to another, by whom; the range as it is afterwards.
/// </summary>
public sealed record BillMoved(
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
    string Movement,
    long First,
    long Last,
    string FromHolder,
    string ToHolder,
    string Operator,
    string? Note = null)
    : BillRangeSnapshot(BillCode, RangeFirst, RangeLast, Medium, Holder, HeldByUnit, NextUnused, Voided, WrittenOffThrough, Version), IFact
{
    public static string Kind => "bill.moved";
}
