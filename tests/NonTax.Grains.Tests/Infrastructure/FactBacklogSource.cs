using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
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
        if (fact.Kind == NoticeIssued.Kind)
        {
            var issued = FactJson.Read<NoticeIssued>(fact);
            rows.TryAdd(issued.PayCode, new Row(issued.UnitCode, issued.IssueDate, fact.OccurredAt));
        }
        else if (fact.Kind == NoticeConfirmed.Kind)
        {
            var paid = FactJson.Read<NoticeConfirmed>(fact);
            if (rows.GetValueOrDefault(paid.PayCode) is { Status: "unpaid" } row)
            {
                row.Status = "paid";
                row.PaidDate = paid.CfmDate;
                row.PaidAt = fact.OccurredAt;
            }
        }
        else if (fact.Kind == NoticeVoided.Kind)
        {
            if (rows.GetValueOrDefault(FactJson.Read<NoticeVoided>(fact).PayCode) is { Status: "unpaid" } row)
            {
                row.Status = "void";
            }
        }
        else if (fact.Kind == NoticeRemitted.Kind)
        {
            var remitted = FactJson.Read<NoticeRemitted>(fact);
            if (rows.GetValueOrDefault(remitted.PayCode) is { Status: "paid" } row && row.Unit == remitted.UnitCode)
            {
                row.Remitted = true;
            }
        }
    }
}
