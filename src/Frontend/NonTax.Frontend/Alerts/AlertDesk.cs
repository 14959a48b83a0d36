using System.Security.Claims;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Infrastructure.Alerts;

namespace NonTax.Frontend.Alerts;

/// <summary>
/// Alerts for the pages and the JSON API: the list from <see cref="AlertLog"/> (as the operator
/// API reads it), acknowledging and closing through <see cref="IAlertHandlingGrain"/> (the same
/// facts the operator API records). Audited.
/// </summary>
public sealed class AlertDesk(IClusterClient cluster, AlertLog log, AuditTrail audit)
{
    public Task<IReadOnlyList<AlertView>> ListAsync(bool openOnly, CancellationToken cancellationToken = default) =>
        log.ListAsync(openOnly, 200, cancellationToken);

    /// <returns>The alert as it is now, or null when there is no such alert.</returns>
    public async Task<AlertView?> AcknowledgeAsync(ClaimsPrincipal user, string alertId, CancellationToken cancellationToken = default)
    {
        if (await log.FindAsync(alertId, cancellationToken) is null)
        {
            await audit.RecordAsync("alert.acknowledge", alertId, AuditTrail.Refused, "no such alert");
            return null;
        }

        await cluster.GetGrain<IAlertHandlingGrain>(IAlertHandlingGrain.Key).Acknowledge(alertId, UserScope.Of(user).UserName);
        await audit.RecordAsync("alert.acknowledge", alertId, AuditTrail.Succeeded);
        return await log.FindAsync(alertId, cancellationToken);
    }

    /// <returns>The alert as it is now and whether the close was taken (a note of 1–500 characters is required); null alert when there is none.</returns>
    public async Task<(AlertView? Alert, bool Closed)> CloseAsync(ClaimsPrincipal user, string alertId, string? note, CancellationToken cancellationToken = default)
    {
        var alert = await log.FindAsync(alertId, cancellationToken);
        if (alert is null)
        {
            await audit.RecordAsync("alert.close", alertId, AuditTrail.Refused, "no such alert");
            return (null, false);
        }

        var closed = note is not null && await cluster.GetGrain<IAlertHandlingGrain>(IAlertHandlingGrain.Key).Close(alertId, UserScope.Of(user).UserName, note);
        await audit.RecordAsync("alert.close", alertId, closed ? AuditTrail.Succeeded : AuditTrail.Refused, closed ? null : "a note of 1–500 characters is required");
        return (closed ? await log.FindAsync(alertId, cancellationToken) : alert, closed);
    }
}
