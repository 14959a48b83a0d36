using System.Globalization;
using System.Text.Json;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Units;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>
/// The test cluster's <see cref="IUnitMonitoringSource"/>: replays the committed facts of the
/// <see cref="JournalStore"/> the way the PostgreSQL projection applies them to <c>notices</c>
/// (only unpaid moves to paid or void, only a paid notice of the same unit is stamped remitted),
/// then summarises one unit as <c>UnitBacklogQuery</c> does in SQL.
/// </summary>
public sealed class FactBacklogSource(JournalStore store) : IUnitMonitoringSource
{
    private sealed class Row(string unit, DateOnly issueDate, DateTimeOffset issuedAt)
    {
        public string Unit { get; } = unit;
        public DateOnly IssueDate { get; } = issueDate;
        public DateTimeOffset IssuedAt { get; } = issuedAt;
        public string Status { get; set; } = "unpaid";
        public DateOnly? PaidDate { get; set; }
        public DateTimeOffset? PaidAt { get; set; }
        public bool Remitted { get; set; }
    }

    public Task<UnitBacklog> ReadAsync(string unitCode, DateTimeOffset? countedAfter, CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, Row>();
        foreach (var fact in store.Facts)
        {
            Apply(rows, fact);
        }

        var mine = rows.Where(r => r.Value.Unit == unitCode).ToList();
        var open = mine.Where(r => r.Value.Status == "unpaid").OrderBy(r => r.Value.IssueDate).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var unremitted = mine.Where(r => r.Value.Status == "paid" && !r.Value.Remitted)
            .OrderBy(r => r.Value.PaidDate).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var countedOpen = open.FirstOrDefault(r => countedAfter is null || r.Value.IssuedAt > countedAfter);
        var countedUnremitted = unremitted.FirstOrDefault(r => countedAfter is null || r.Value.PaidAt > countedAfter);
        return Task.FromResult(new UnitBacklog(
            open.Count,
            open.Count == 0 ? null : open[0].Value.IssueDate,
            unremitted.Count,
            unremitted.Count == 0 ? null : unremitted[0].Value.PaidDate,
            countedOpen.Key is null ? null : new BacklogNotice(countedOpen.Key, countedOpen.Value.IssueDate),
            countedUnremitted.Key is null ? null : new BacklogNotice(countedUnremitted.Key, countedUnremitted.Value.PaidDate!.Value)));
    }

    private static void Apply(Dictionary<string, Row> rows, BusinessFact fact)
    {
        if (fact.Kind is not (FactKinds.NoticeIssued or FactKinds.NoticeConfirmed or FactKinds.NoticeVoided or FactKinds.NoticeRemitted))
        {
            return;
        }

        using var payload = JsonDocument.Parse(fact.PayloadJson);
        var root = payload.RootElement;
        var payCode = root.GetProperty("payCode").GetString()!;
        rows.TryGetValue(payCode, out var row);
        switch (fact.Kind)
        {
            case FactKinds.NoticeIssued when row is null:
                rows[payCode] = new Row(root.GetProperty("unitCode").GetString()!, Date(root, "issueDate"), fact.OccurredAt);
                break;
            case FactKinds.NoticeConfirmed when row is { Status: "unpaid" }:
                row.Status = "paid";
                row.PaidDate = Date(root, "cfmDate");
                row.PaidAt = fact.OccurredAt;
                break;
            case FactKinds.NoticeVoided when row is { Status: "unpaid" }:
                row.Status = "void";
                break;
            case FactKinds.NoticeRemitted when row is { Status: "paid" } && row.Unit == root.GetProperty("unitCode").GetString():
                row.Remitted = true;
                break;
        }
    }

    private static DateOnly Date(JsonElement root, string name) =>
        DateOnly.ParseExact(root.GetProperty(name).GetString()!, "yyyyMMdd", CultureInfo.InvariantCulture);
}
