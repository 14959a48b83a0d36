using System.Security.Claims;
using Microsoft.Extensions.Localization;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Localization;
using NonTax.Frontend.Rights;
using NonTax.Protocol.Time;

namespace NonTax.Frontend.Reports;

/// <summary>
/// What the reports page and the API share: the filter as the user may have it (a unit's user
/// always gets their own unit; days default to this month up to today, China time), running, and
/// the export (which goes to the audit log: it takes data out of the system).
/// </summary>
public sealed class ReportDesk(ReportRunner runner, ReportExport export, AuditTrail audit, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public ReportFilter FilterFor(ClaimsPrincipal user, string? from, string? to, string? unit, string? bank)
    {
        var today = ChinaTime.Today(clock);
        var first = ParseDay(from) ?? new DateOnly(today.Year, today.Month, 1);
        var last = ParseDay(to) ?? today;
        var scope = UserScope.Of(user);
        return ReportFilter.Normalised(first, last, scope.IsUnitUser ? scope.UnitCode : unit, bank);
    }

    public Task<ReportResult> RunAsync(ReportDefinition report, ReportFilter filter, CancellationToken cancellationToken) =>
        runner.RunAsync(report, filter, cancellationToken);

    public async Task<Stream> ExportAsync(ClaimsPrincipal user, ReportDefinition report, ReportFilter filter, CancellationToken cancellationToken)
    {
        var who = UserScope.Of(user).UserName;
        var file = await export.WriteAsync(report, filter, text => localizer[text], who, cancellationToken);
        await audit.RecordAsync("report.export", report.Name, AuditTrail.Succeeded,
            $"{filter.From:yyyy-MM-dd}..{filter.To:yyyy-MM-dd} unit {filter.UnitCode ?? "*"} bank {filter.BankNode ?? "*"}, {file.Length} bytes");
        return file;
    }

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;
}
