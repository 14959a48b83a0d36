using System.Security.Claims;
using NonTax.Frontend.Bills;
using NonTax.Frontend.Clearing;
using NonTax.Frontend.Reconciliation;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Api;

/// <summary>The read-only status parts of the JSON API: clearing of a day, bill stock and movements.</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Status").DisableAntiforgery();

        api.MapGet("/clearing/{day}", async (string day, ClearingStatusQuery query, CancellationToken ct) =>
                ReconciliationDesk.ParseDay(day) is { } businessDay ? Results.Ok(await query.DayAsync(businessDay, ct)) : Results.BadRequest(new { error = $"'{day}' is not a day" }))
            .RequireAuthorization(Permission.ClearingView)
            .WithSummary("Each clearing bank's day: reconciliation status and the 5614/2614 of its clearing");

        api.MapGet("/bills/stock", async (ClaimsPrincipal user, BillStockView view, string? holder, string? code, CancellationToken ct) =>
            {
                var (finance, units, movements) = await view.ReadAsync(user, holder, code, ct);
                return Results.Ok(new { finance, units, movements });
            })
            .RequireAuthorization(Permission.BillsView)
            .WithSummary("Bill stock per code and holder, and the latest movements (a unit's user: the unit's own)");

        return endpoints;
    }
}
