namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>bill.number_voided: a taken, unused number voided as spoiled (作废) by the unit, with why and by whom.</summary>
public sealed record BillNumberVoided(
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
    string UnitCode,
    string Reason,
    string Operator)
    : BillRangeSnapshot(BillCode, RangeFirst, RangeLast, Medium, Holder, HeldByUnit, NextUnused, Voided, WrittenOffThrough, Version), IFact
{
    public static string Kind => "bill.number_voided";
}
