using System.Security.Claims;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Protocol.Nodes;

namespace NonTax.Frontend.Reconciliation;

/// <summary>
/// Reconciliation (对账) by bank and day for the pages and the JSON API: the banks' days of a
/// business day and one day's files and differences from the projection
/// (<see cref="ReconciliationQueries"/>, as the operator API reads them), the day grain for its
/// files and for resolving a difference (how, why; who is the signed-in user). Audited.
/// </summary>
public sealed class ReconciliationDesk(IClusterClient cluster, ReconciliationQueries queries, AuditTrail audit)
{
    public Task<IReadOnlyList<ReconciliationDayRow>> DaysAsync(DateOnly businessDay, CancellationToken cancellationToken = default) =>
        queries.DaysAsync(businessDay, cancellationToken);

    /// <summary>The day as its grain holds it, and its differences (all, or of one status).</summary>
    public async Task<(ReconciliationDayView Day, IReadOnlyList<ReconciliationDifference> Differences)> DayAsync(ReconciliationDay day, string? status, CancellationToken cancellationToken = default)
    {
        var view = await cluster.GetGrain<IReconciliationDayGrain>(day.Key).Get();
        var differences = await queries.DifferencesAsync(day, string.IsNullOrWhiteSpace(status) ? null : status, 0, ReconciliationQueries.MaxDifferences, cancellationToken);
        return (view, differences);
    }

    /// <summary>Resolves one difference; a bad resolution or a missing note changes nothing.</summary>
    public async Task<ResolveOutcome?> ResolveAsync(ClaimsPrincipal user, ReconciliationDay day, long differenceId, string? resolution, string? note)
    {
        resolution = resolution?.Trim();
        if (resolution is null || !DifferenceResolution.All.Contains(resolution) || string.IsNullOrWhiteSpace(note) || note.Trim().Length > 500)
        {
            await audit.RecordAsync("reconciliation.resolve", $"{day.Key}#{differenceId}", AuditTrail.Refused, "a known resolution and a note (up to 500 characters) are required");
            return null;
        }

        var outcome = await cluster.GetGrain<IReconciliationDayGrain>(day.Key).Resolve(differenceId, resolution, note.Trim(), UserScope.Of(user).UserName);
        await audit.RecordAsync("reconciliation.resolve", $"{day.Key}#{differenceId}", outcome == ResolveOutcome.Resolved ? AuditTrail.Succeeded : AuditTrail.Refused,
            $"{resolution}: {outcome}");
        return outcome;
    }

    /// <summary>A day key from a <c>yyyyMMdd</c> or <c>yyyy-MM-dd</c> day and a peer's node code, or null.</summary>
    public static ReconciliationDay? Key(string day, string bank) =>
        ParseDay(day) is { } businessDay && NodeCode.IsPeerCode(bank) ? new ReconciliationDay(bank, businessDay) : null;

    public static DateOnly? ParseDay(string? day) =>
        DateOnly.TryParseExact(day, ["yyyyMMdd", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) ? parsed : null;
}
