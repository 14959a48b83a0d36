namespace NonTax.Grains.Abstractions.Bills;

/// <summary>
/// Finds bill ranges where the per-range rows live: the <c>bill_ranges</c> projection on a silo,
/// which commits with each range's own writes. Grains decide; this only says where to ask.
/// </summary>
public interface IBillRangeDirectory
{
    /// <summary>First numbers of the ranges of <paramref name="billCode"/> that overlap [first, last].</summary>
    Task<IReadOnlyList<long>> OverlappingAsync(string billCode, long first, long last, CancellationToken cancellationToken = default);

    /// <summary>The first number of the range of <paramref name="billCode"/> that contains <paramref name="number"/>, if any.</summary>
    Task<long?> ContainingAsync(string billCode, long number, CancellationToken cancellationToken = default);

    /// <summary>First numbers of the unit's ranges of the code that still have unused numbers, lowest first.</summary>
    Task<IReadOnlyList<long>> UnitRangesWithStockAsync(string unitCode, string billCode, CancellationToken cancellationToken = default);

    /// <summary>The taken number's row, null when it was never taken.</summary>
    Task<BillNumberState?> NumberAsync(string billCode, long number, CancellationToken cancellationToken = default);

    /// <summary>Unused numbers of the code the unit still holds, over all its ranges.</summary>
    Task<long> UnitUnusedAsync(string unitCode, string billCode, CancellationToken cancellationToken = default);
}
