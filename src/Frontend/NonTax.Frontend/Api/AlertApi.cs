using System.Security.Claims;
using NonTax.Frontend.Alerts;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Api;

/// <summary>The alerts part of the JSON API, what the alerts page does.</summary>
public static class AlertApi
{
    public static IEndpointRouteBuilder MapAlertApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/alerts").WithTags("Alerts").DisableAntiforgery();

        api.MapGet("/", async (AlertDesk desk, bool? open, CancellationToken ct) => Results.Ok(await desk.ListAsync(open ?? false, ct)))
            .RequireAuthorization(Permission.AlertsView)
            .WithSummary("Alerts, newest first (open=true: not closed yet)");

        api.MapPost("/{alertId}/acknowledge", async (string alertId, ClaimsPrincipal user, AlertDesk desk, CancellationToken ct) =>
                await desk.AcknowledgeAsync(user, alertId, ct) is { } alert ? Results.Ok(alert) : Results.NotFound())
            .RequireAuthorization(Permission.AlertsHandle)
            .WithSummary("Acknowledge an alert (the first acknowledgement is kept)");

        api.MapPost("/{alertId}/close", async (string alertId, AlertCloseRequest? request, ClaimsPrincipal user, AlertDesk desk, CancellationToken ct) =>
            {
                var (alert, closed) = await desk.CloseAsync(user, alertId, request?.Note, ct);
                return alert is null ? Results.NotFound()
                    : closed ? Results.Ok(alert)
                    : Results.BadRequest(new { error = "a note of 1–500 characters saying how the alert was dealt with is required" });
            })
            .RequireAuthorization(Permission.AlertsHandle)
            .WithSummary("Close an alert with a note (the first close is kept)");

        return endpoints;
    }
}
