using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Infrastructure.Projection.Queries;
using Npgsql;

namespace NonTax.Silo.Operations;

/// <summary>
/// Clearing rules (分成规则) under maker-checker, and clearing days: one person proposes a rule
/// version, another approves or rejects it; staff see an item's versions and can run a bank's
/// day now instead of waiting for the scheduler.
/// </summary>
public static class ClearingEndpoints
{
    public static RouteGroupBuilder MapClearingEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/clearing/rules/{itemCode}", ListRulesAsync);
        ops.MapPost("/clearing/rules/{itemCode}", ProposeAsync);
        ops.MapPost("/clearing/rules/{itemCode}/{version:int}/approve", ApproveAsync);
        ops.MapPost("/clearing/rules/{itemCode}/{version:int}/reject", RejectAsync);
        ops.MapGet("/clearing/days/{bankNode}/{day}", DayAsync);
        ops.MapPost("/clearing/days/{bankNode}/{day}/run", RunDayAsync);
        return ops;
    }

    private static async Task<IResult> ProposeAsync(string itemCode, [FromBody] ClearingRule? rule, HttpContext context, [FromServices] IGrainFactory grains)
    {
        if (rule is null)
        {
            return Results.Problem("a rule is required", statusCode: StatusCodes.Status400BadRequest);
        }

        return Outcome(await grains.GetGrain<IClearingRuleGrain>(itemCode).Propose(rule, OperatorName.Of(context)));
    }

    private static async Task<IResult> ApproveAsync(string itemCode, int version, HttpContext context, [FromServices] IGrainFactory grains,
        [FromServices] NonTax.Infrastructure.MachineTokens.MachineTokenStore tokens)
    {
        var rules = grains.GetGrain<IClearingRuleGrain>(itemCode);
        var approver = OperatorName.Of(context);
        // The grain refuses the proposer by name; a machine token and the person who minted it
        // (or two tokens of one person) are one party too, and are refused here.
        if (await rules.GetPending() is { } pending && pending.Version == version && pending.ProposedBy != approver
            && await tokens.SamePartyAsync(pending.ProposedBy, approver, context.RequestAborted))
        {
            return Results.Problem("a change to a clearing rule needs a second person: a machine token and the person who minted it are one", statusCode: StatusCodes.Status409Conflict);
        }

        return Outcome(await rules.Approve(version, approver));
    }

    private static async Task<IResult> RejectAsync(string itemCode, int version, [FromBody] CloseMessageRequest? request, HttpContext context, [FromServices] IGrainFactory grains) =>
        Outcome(await grains.GetGrain<IClearingRuleGrain>(itemCode).Reject(version, OperatorName.Of(context), request?.Reason ?? ""));

    private static async Task<IResult> ListRulesAsync(string itemCode, [FromServices] NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        OperatorJson.Ok(await ClearingRuleLog.VersionsAsync(dataSource, itemCode, cancellationToken));

    private static async Task<IResult> DayAsync(string bankNode, string day, [FromServices] IGrainFactory grains) =>
        DateOnly.TryParseExact(day, "yyyyMMdd", out var date)
            ? OperatorJson.Ok(await grains.GetGrain<IClearingDayGrain>(IClearingDayGrain.KeyOf(bankNode, date)).GetView())
            : Results.Problem("day: yyyyMMdd", statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> RunDayAsync(string bankNode, string day, [FromServices] IGrainFactory grains) =>
        DateOnly.TryParseExact(day, "yyyyMMdd", out var date)
            ? OperatorJson.Ok(await grains.GetGrain<IClearingDayGrain>(IClearingDayGrain.KeyOf(bankNode, date)).Run())
            : Results.Problem("day: yyyyMMdd", statusCode: StatusCodes.Status400BadRequest);

    private static IResult Outcome(ClearingRuleChange change) =>
        change.Accepted ? OperatorJson.Ok(change) : Results.Problem(change.Error, statusCode: StatusCodes.Status409Conflict);
}
