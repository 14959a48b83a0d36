using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Protocol.Nodes;

namespace NonTax.Silo.Operations;

/// <summary>
/// Reconciliation (对账) for staff: the banks' days of a business day, one day with its files and
/// differences, resolving a difference (how, why; who from <c>X-Operator</c>; when is the fact's
/// instant) and re-running a day. Days are <c>yyyyMMdd</c>.
/// </summary>
public static class ReconciliationEndpoints
{
    public static RouteGroupBuilder MapReconciliationEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/reconciliation/{day}", DaysAsync);
        ops.MapGet("/reconciliation/{day}/{bank}", DayAsync);
        ops.MapPost("/reconciliation/{day}/{bank}/differences/{differenceId:long}/resolve", ResolveAsync);
        ops.MapPost("/reconciliation/{day}/{bank}/rerun", RerunAsync);
        return ops;
    }

    private static async Task<IResult> DaysAsync(string day, [FromServices] ReconciliationQueries queries, CancellationToken cancellationToken) =>
        ParseDay(day) is { } businessDay
            ? OperatorJson.Ok(await queries.DaysAsync(businessDay, cancellationToken))
            : NotADay(day);

    private static async Task<IResult> DayAsync(string day, string bank, [FromServices] IGrainFactory grains, [FromServices] ReconciliationQueries queries,
        CancellationToken cancellationToken, string? status = null, long afterId = 0, int limit = 200)
    {
        if (Key(day, bank) is not { } key)
        {
            return BadKey(day, bank);
        }

        var view = await grains.GetGrain<IReconciliationDayGrain>(key.Key).Get();
        var differences = await queries.DifferencesAsync(key, status, afterId, limit, cancellationToken);
        return OperatorJson.Ok(new { day = view, differences });
    }

    private static async Task<IResult> ResolveAsync(string day, string bank, long differenceId, [FromBody] ResolveDifferenceRequest? request,
        HttpContext context, [FromServices] IGrainFactory grains)
    {
        if (Key(day, bank) is not { } key)
        {
            return BadKey(day, bank);
        }

        var resolution = request?.Resolution?.Trim();
        if (resolution is null || !DifferenceResolution.All.Contains(resolution))
        {
            return Results.Problem($"resolution must be one of {string.Join(", ", DifferenceResolution.All)}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(request!.Note) || request.Note.Length > 500)
        {
            return Results.Problem("a note (up to 500 characters) saying why is required", statusCode: StatusCodes.Status400BadRequest);
        }

        var operatorName = OperatorName.Of(context);
        var outcome = await grains.GetGrain<IReconciliationDayGrain>(key.Key).Resolve(differenceId, resolution, request.Note.Trim(), operatorName);
        return outcome switch
        {
            ResolveOutcome.Resolved => OperatorJson.Ok(await grains.GetGrain<IReconciliationDayGrain>(key.Key).Get()),
            ResolveOutcome.Unknown => Results.Problem($"{key} has no difference {differenceId}", statusCode: StatusCodes.Status404NotFound),
            _ => Results.Problem($"difference {differenceId} is {outcome.ToString().ToLowerInvariant()}; nothing changed", statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static async Task<IResult> RerunAsync(string day, string bank, HttpContext context, [FromServices] IGrainFactory grains) =>
        Key(day, bank) is { } key
            ? OperatorJson.Ok(await grains.GetGrain<IReconciliationDayGrain>(key.Key).Rerun(OperatorName.Of(context)))
            : BadKey(day, bank);

    private static ReconciliationDay? Key(string day, string bank) =>
        ParseDay(day) is { } businessDay && NodeCode.IsPeerCode(bank) ? new ReconciliationDay(bank, businessDay) : null;

    private static DateOnly? ParseDay(string day) =>
        DateOnly.TryParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;

    private static IResult NotADay(string day) =>
        Results.Problem($"'{day}' is not a yyyyMMdd day", statusCode: StatusCodes.Status400BadRequest);

    private static IResult BadKey(string day, string bank) =>
        Results.Problem($"'{day}/{bank}' is not a yyyyMMdd day and a peer node code", statusCode: StatusCodes.Status400BadRequest);
}
