namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// A bill range as one of its facts leaves it: every bill fact carries it, so the <c>bill_ranges</c>
/// row follows the range's newest <see cref="Version"/> whatever order facts are replayed in.
/// </summary>
public abstract record BillRangeSnapshot(
    string BillCode,
    long RangeFirst,
    long RangeLast,
    string Medium,
    string Holder,
    bool HeldByUnit,
    long NextUnused,
    long Voided,
    long WrittenOffThrough,
    int Version);
