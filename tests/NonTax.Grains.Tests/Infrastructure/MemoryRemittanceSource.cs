using System.Collections.Concurrent;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>
/// The test cluster's <see cref="IRemittanceSource"/>: a day's clearing status, payments and the
/// rules are arranged by the test (what SQL would read from the projection of other components);
/// the instructions and their results are replayed from the committed facts of the
/// <see cref="JournalStore"/> the way <c>RemittanceProjector</c> applies them (a RemitNo once, a
/// result only leaves 'instructed'), so the grain reads back exactly what it committed.
/// </summary>
public sealed class MemoryRemittanceSource(JournalStore store) : IRemittanceSource
{
    public static ConcurrentDictionary<(string Bank, DateOnly Day), string> ClearingStatus { get; } = new();

    public static ConcurrentDictionary<(string Bank, DateOnly Day), IReadOnlyList<PaymentItemRow>> Payments { get; } = new();

    public static ConcurrentDictionary<string, RuleInForce> Rules { get; } = new();

    /// <summary>How many pages of payments each day was read in (the grain must page, never read a day whole).</summary>
    public static ConcurrentDictionary<(string Bank, DateOnly Day), int> PaymentPagesRead { get; } = new();

    public Task<string?> ClearingStatusAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult(ClearingStatus.GetValueOrDefault((bankNode, day)));

    public Task<DayRevenue> RevenueAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default)
    {
        var rows = Payments.GetValueOrDefault((bankNode, day)) ?? [];
        var byItem = rows.GroupBy(r => (r.PayeeAcct, r.ItemCode)).Select(g => new RevenueRow(g.Key.PayeeAcct, g.Key.ItemCode, g.Sum(r => r.Amount))).ToList();
        return Task.FromResult(new DayRevenue(byItem, rows.Sum(r => r.Amount), rows.Select(r => r.PayCode).Distinct().Count()));
    }

    public Task<RuleInForce?> RuleOnAsync(string itemCode, DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rules.GetValueOrDefault(itemCode));

    public Task<IReadOnlyList<PaymentItemRow>> PaymentsAsync(string bankNode, DateOnly day, string? afterPayCode, int limit, CancellationToken cancellationToken = default)
    {
        PaymentPagesRead.AddOrUpdate((bankNode, day), 1, (_, n) => n + 1);
        var rows = Payments.GetValueOrDefault((bankNode, day)) ?? [];
        var codes = rows.Select(r => r.PayCode).Distinct().Where(c => afterPayCode is null || string.CompareOrdinal(c, afterPayCode) > 0)
            .Order(StringComparer.Ordinal).Take(limit).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<PaymentItemRow>>([.. rows.Where(r => codes.Contains(r.PayCode))
            .OrderBy(r => r.PayCode, StringComparer.Ordinal).ThenBy(r => r.ItemCode, StringComparer.Ordinal)]);
    }

    public Task<RemittanceRecord?> InstructionAsync(string remitNo, CancellationToken cancellationToken = default) =>
        Task.FromResult(Replay().GetValueOrDefault(remitNo));

    public Task<IReadOnlyList<RemittanceRecord>> InstructionsAsync(string bankNode, DateOnly day, string? afterRemitNo, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RemittanceRecord>>([.. Replay().Values
            .Where(r => r.BankNode == bankNode && r.BusinessDay == day && (afterRemitNo is null || string.CompareOrdinal(r.RemitNo, afterRemitNo) > 0))
            .OrderBy(r => r.RemitNo, StringComparer.Ordinal).Take(limit)]);

    public Task<IReadOnlyList<BankDay>> DaysToRemitAsync(DateOnly from, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BankDay>>([]);

    private Dictionary<string, RemittanceRecord> Replay()
    {
        var records = new Dictionary<string, RemittanceRecord>(StringComparer.Ordinal);
        foreach (var fact in store.Facts)
        {
            if (fact.Kind == RemittanceInstructed.Kind)
            {
                var i = FactJson.Read<RemittanceInstructed>(fact);
                records.TryAdd(i.RemitNo, new RemittanceRecord(i.RemitNo, i.BankNode, i.BusinessDay, i.RemitType, i.PayAcct, i.TreCode, i.TreName, i.BudgetLevel,
                    i.Amount, i.PayCode, "instructed", null,
                    [.. i.Lines.Select(l => new RemittanceLine(l.LineNo, l.ItemCode, l.BudgetSubject, l.FundType, l.Amount, l.PayCode, l.RuleVersion))]));
            }
            else if (fact.Kind == RemittanceResultRecorded.Kind)
            {
                var r = FactJson.Read<RemittanceResultRecorded>(fact);
                if (records.GetValueOrDefault(r.RemitNo) is { Status: "instructed" } record)
                {
                    records[r.RemitNo] = record with { Status = r.Result == "00000" ? "remitted" : "failed", Result = r.Result };
                }
            }
        }

        return records;
    }
}
