using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>
/// The test cluster's <see cref="IBillRangeDirectory"/>: replays the committed bill facts of the
/// <see cref="JournalStore"/> the way BillStockProjector fills bill_ranges (newest version wins)
/// and bill_numbers, then answers as BillRangeDirectory does in SQL.
/// </summary>
public sealed class FactBillDirectory(JournalStore store) : IBillRangeDirectory
{
    private sealed record Number(string Unit, string Status, string? PayCode, DateTimeOffset? ReturnedAt);

    public Task<IReadOnlyList<long>> OverlappingAsync(string billCode, long first, long last, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<long>>([.. Ranges().Where(r => r.BillCode == billCode && r.RangeFirst <= last && r.RangeLast >= first)
            .Select(r => r.RangeFirst).Order()]);

    public Task<long?> ContainingAsync(string billCode, long number, CancellationToken cancellationToken = default) =>
        Task.FromResult(Ranges().Where(r => r.BillCode == billCode && r.RangeFirst <= number && r.RangeLast >= number)
            .Select(r => (long?)r.RangeFirst).FirstOrDefault());

    public Task<IReadOnlyList<long>> UnitRangesWithStockAsync(string unitCode, string billCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<long>>([.. UnitRanges(unitCode, billCode).Select(r => r.RangeFirst).Order()]);

    public Task<long> UnitUnusedAsync(string unitCode, string billCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(UnitRanges(unitCode, billCode).Sum(r => r.RangeLast - r.NextUnused + 1));

    public Task<BillNumberState?> NumberAsync(string billCode, long number, CancellationToken cancellationToken = default)
    {
        Number? row = null;
        foreach (var fact in store.Facts)
        {
            if (fact.Kind == BillNumberTaken.Kind && FactJson.Read<BillNumberTaken>(fact) is var taken && taken.BillCode == billCode && taken.Number == number)
            {
                row ??= new Number(taken.UnitCode, "taken", null, null);
            }
            else if (fact.Kind == BillNumberVoided.Kind && FactJson.Read<BillNumberVoided>(fact) is var voided && voided.BillCode == billCode
                && voided.Number == number && row is { Status: "taken" })
            {
                row = row with { Status = "voided" };
            }
            else if (fact.Kind == BillVoidReturned.Kind && FactJson.Read<BillVoidReturned>(fact) is var returned && returned.BillCode == billCode
                && returned.Number == number && row is { Status: "voided", ReturnedAt: null })
            {
                row = row with { ReturnedAt = fact.OccurredAt };
            }
            else if (UsedNumber(fact) is { } used && used.BillCode == billCode && used.Number == number && row is { Status: "taken" })
            {
                row = row with { Status = "used", PayCode = used.PayCode };
            }
        }

        return Task.FromResult(row is null ? null : new BillNumberState(billCode, number, row.Unit, row.Status, row.PayCode, row.ReturnedAt));
    }

    /// <summary>Facts that mark a number used by a bill; e-bill facts plug in here.</summary>
    public static Func<BusinessFact, (string BillCode, long Number, string PayCode)?> UsedNumber { get; set; } = _ => null;

    private IEnumerable<BillRangeSnapshot> UnitRanges(string unitCode, string billCode) =>
        Ranges().Where(r => r.Holder == unitCode && r.HeldByUnit && r.BillCode == billCode && r.NextUnused <= r.RangeLast);

    private IEnumerable<BillRangeSnapshot> Ranges()
    {
        var latest = new Dictionary<(string, long), BillRangeSnapshot>();
        foreach (var fact in store.Facts)
        {
            BillRangeSnapshot? snapshot = fact.Kind switch
            {
                var k when k == BillMoved.Kind => FactJson.Read<BillMoved>(fact),
                var k when k == BillNumberTaken.Kind => FactJson.Read<BillNumberTaken>(fact),
                var k when k == BillNumberVoided.Kind => FactJson.Read<BillNumberVoided>(fact),
                var k when k == BillVoidReturned.Kind => FactJson.Read<BillVoidReturned>(fact),
                _ => null,
            };
            if (snapshot is not null
                && (!latest.TryGetValue((snapshot.BillCode, snapshot.RangeFirst), out var known) || known.Version < snapshot.Version))
            {
                latest[(snapshot.BillCode, snapshot.RangeFirst)] = snapshot;
            }
        }

        return latest.Values;
    }
}
