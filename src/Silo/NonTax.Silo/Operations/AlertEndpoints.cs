using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Infrastructure.Alerts;

namespace NonTax.Silo.Operations;

/// <summary>
/// Alerts for staff (docs/operations.md "Alerts and SMS"): the list, each alert's SMS, and
/// acknowledging or closing one. Acknowledging and closing are facts (alert.acknowledged,
/// alert.closed) recorded through <see cref="IFactJournal"/>, so the row, its NOTIFY and the fact
/// commit together; the first acknowledgement and the first close are the ones kept.
/// </summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/alerts", ListAsync);
        ops.MapGet("/alerts/{alertId}/sms", SmsAsync);
        ops.MapPost("/alerts/{alertId}/acknowledge", AcknowledgeAsync);
        ops.MapPost("/alerts/{alertId}/close", CloseAsync);
        return ops;
    }

    private static async Task<IResult> ListAsync([FromServices] AlertLog log, CancellationToken cancellationToken, bool open = false, int limit = 200) =>
        OperatorJson.Ok(await log.ListAsync(open, limit, cancellationToken));

    private static async Task<IResult> SmsAsync(string alertId, [FromServices] AlertLog log, CancellationToken cancellationToken) =>
        await log.FindAsync(alertId, cancellationToken) is null
            ? Results.Problem($"no alert {alertId}", statusCode: StatusCodes.Status404NotFound)
            : OperatorJson.Ok(await log.SmsAsync(alertId, cancellationToken));

    private static async Task<IResult> AcknowledgeAsync(string alertId, HttpContext context, [FromServices] AlertLog log,
        [FromServices] IFactJournal journal, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await log.FindAsync(alertId, cancellationToken) is null)
        {
            return Results.Problem($"no alert {alertId}", statusCode: StatusCodes.Status404NotFound);
        }

        var who = OperatorName.Of(context);
        await journal.RecordAsync([BusinessFact.Create(alertId, alertId, clock.GetUtcNow(), new AlertAcknowledged(alertId, who))], cancellationToken);
        return OperatorJson.Ok(await log.FindAsync(alertId, cancellationToken));
    }

    private static async Task<IResult> CloseAsync(string alertId, [FromBody] AlertCloseRequest? request, HttpContext context, [FromServices] AlertLog log,
        [FromServices] IFactJournal journal, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Note) || request.Note.Trim().Length > 500)
        {
            return Results.Problem("a note of 1–500 characters saying how the alert was dealt with is required", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await log.FindAsync(alertId, cancellationToken) is null)
        {
            return Results.Problem($"no alert {alertId}", statusCode: StatusCodes.Status404NotFound);
        }

        var who = OperatorName.Of(context);
        await journal.RecordAsync([BusinessFact.Create(alertId, alertId, clock.GetUtcNow(), new AlertClosed(alertId, who, request.Note.Trim()))], cancellationToken);
        return OperatorJson.Ok(await log.FindAsync(alertId, cancellationToken));
    }
}

/// <summary>Body of <c>POST /ops/alerts/{alertId}/close</c>: how the alert was dealt with.</summary>
public sealed record AlertCloseRequest(string? Note);
