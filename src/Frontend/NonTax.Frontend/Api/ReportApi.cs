using System.Security.Claims;
using NonTax.Frontend.Reports;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Api;

/// <summary>
/// The reports part of the JSON API (what the reports page does): the catalogue, one report's rows
/// and chart, and its spreadsheet export. Days are <c>yyyy-MM-dd</c>; a unit's user only ever gets
/// their own unit.
/// </summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/reports").WithTags("Reports").DisableAntiforgery().RequireAuthorization(Permission.ReportsView);

        api.MapGet("/", () => Results.Ok(ReportCatalog.All.Select(r => new
        {
            r.Name,
            r.Group,
            r.Title,
            r.Description,
            r.UsesDates,
            Columns = r.Columns.Select(c => new { c.Title, Kind = c.Kind.ToString() }),
            Chart = r.Chart.ToString(),
        })))
            .WithSummary("The reports: name, group, title, columns");

        api.MapGet("/{name}", async (string name, string? from, string? to, string? unit, string? bank, ClaimsPrincipal user, ReportDesk desk, CancellationToken ct) =>
            {
                if (ReportCatalog.Find(name) is not { } report)
                {
                    return Results.NotFound(new { error = $"no report '{name}'" });
                }

                if ((BadDay(from) ?? BadDay(to)) is { } bad)
                {
                    return Results.BadRequest(new { error = $"'{bad}' is not a day (yyyy-MM-dd)" });
                }

                var result = await desk.RunAsync(report, desk.FilterFor(user, from, to, unit, bank), ct);
                return Results.Ok(new
                {
                    report = report.Name,
                    result.Filter,
                    columns = report.Columns.Select(c => c.Title),
                    rows = result.Rows,
                    result.Truncated,
                    chart = result.Chart,
                });
            })
            .WithSummary($"One report's rows (at most {ReportRunner.ScreenRows}; 'truncated' says there are more: export them) and its chart");

        api.MapGet("/{name}/export", async (string name, string? from, string? to, string? unit, string? bank, ClaimsPrincipal user, ReportDesk desk, CancellationToken ct) =>
            {
                if (ReportCatalog.Find(name) is not { } report)
                {
                    return Results.NotFound(new { error = $"no report '{name}'" });
                }

                if ((BadDay(from) ?? BadDay(to)) is { } bad)
                {
                    return Results.BadRequest(new { error = $"'{bad}' is not a day (yyyy-MM-dd)" });
                }

                var filter = desk.FilterFor(user, from, to, unit, bank);
                return Results.File(await desk.ExportAsync(user, report, filter, ct), ReportExport.ContentType, ReportExport.FileName(report, filter));
            })
            .WithSummary("One report as a spreadsheet (.xlsx): every row, and a sheet saying what it was run for");

        return endpoints;
    }

    private static string? BadDay(string? text) => string.IsNullOrEmpty(text) || ReportDesk.ParseDay(text) is not null ? null : text;
}
