using System.Security.Claims;
using NonTax.Frontend.Reconciliation;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Reconciliation;

namespace NonTax.Frontend.Api;

/// <summary>The reconciliation part of the JSON API (days are <c>yyyyMMdd</c> or <c>yyyy-MM-dd</c>).</summary>
public static class ReconciliationApi
{
    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/reconciliation").WithTags("Reconciliation").DisableAntiforgery();

        api.MapGet("/{day}", async (string day, ReconciliationDesk desk, CancellationToken ct) =>
                ReconciliationDesk.ParseDay(day) is { } businessDay ? Results.Ok(await desk.DaysAsync(businessDay, ct)) : Results.BadRequest(new { error = $"'{day}' is not a day" }))
            .RequireAuthorization(Permission.ReconciliationView)
            .WithSummary("Each bank's reconciliation of a business day");

        api.MapGet("/{day}/{bank}", async (string day, string bank, string? status, ReconciliationDesk desk, CancellationToken ct) =>
            {
                if (ReconciliationDesk.Key(day, bank) is not { } key)
                {
                    return Results.BadRequest(new { error = $"'{day}/{bank}' is not a day and a peer node code" });
                }

                var (view, differences) = await desk.DayAsync(key, status, ct);
                return Results.Ok(new { day = view, differences });
            })
            .RequireAuthorization(Permission.ReconciliationView)
            .WithSummary("One bank's day: its files and differences");

        api.MapPost("/{day}/{bank}/differences/{differenceId:long}/resolve", async (string day, string bank, long differenceId, ResolveDifferenceRequest request, ClaimsPrincipal user, ReconciliationDesk desk) =>
            {
                if (ReconciliationDesk.Key(day, bank) is not { } key)
                {
                    return Results.BadRequest(new { error = $"'{day}/{bank}' is not a day and a peer node code" });
                }

                var outcome = await desk.ResolveAsync(user, key, differenceId, request.Resolution, request.Note);
                return outcome switch
                {
                    null => Results.BadRequest(new { error = $"resolution must be one of {string.Join(", ", DifferenceResolution.All)} with a note of up to 500 characters" }),
                    ResolveOutcome.Resolved => Results.Ok(new { outcome = outcome.ToString() }),
                    ResolveOutcome.Unknown => Results.NotFound(new { outcome = outcome.ToString() }),
                    _ => Results.Conflict(new { outcome = outcome.ToString() }),
                };
            })
            .RequireAuthorization(Permission.ReconciliationResolve)
            .WithSummary("Resolve a difference: how and why");

        return endpoints;
    }
}
