using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Protocol.Nodes;

namespace NonTax.Silo.Operations;

/// <summary>
/// Outbound bank links: staff see a link's messages (dead ones first of all) and retry a dead
/// message or close it by hand with a reason. The link holds only unfinished messages; delivered
/// and closed ones come from the <c>outbound_messages</c> projection.
/// </summary>
public static class LinkEndpoints
{
    public static RouteGroupBuilder MapLinkEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/links/{node}", ListAsync);
        ops.MapPost("/links/{node}/{instructionId}/retry", RetryAsync);
        ops.MapPost("/links/{node}/{instructionId}/close", CloseAsync);
        return ops;
    }

    private static async Task<IResult> ListAsync(string node, [FromServices] IGrainFactory grains, [FromServices] IOutboundMessageLog log,
        CancellationToken cancellationToken, int limit = 200)
    {
        if (!NodeCode.IsPeerCode(node))
        {
            return NotANode(node);
        }

        // The grain first: a message it holds that finished before the log was read shows its final row.
        var live = await grains.GetGrain<IBankLinkGrain>(node).GetMessages();
        var history = await log.RecentAsync(node, limit, cancellationToken);
        return OperatorJson.Ok(Merge(live, history));
    }

    /// <summary>
    /// The grain knows attempts and errors of unfinished messages as they happen (no fact per failed
    /// attempt); the log is the truth for finished ones and for everything older the grain dropped.
    /// </summary>
    private static List<OutboundMessageView> Merge(IReadOnlyList<OutboundMessageView> live, IReadOnlyList<OutboundMessageView> history)
    {
        var finished = history.Where(m => m.Status is OutboundMessageStatus.Delivered or OutboundMessageStatus.Closed)
            .ToDictionary(m => m.InstructionId, StringComparer.Ordinal);
        var shown = live.Select(m => finished.GetValueOrDefault(m.InstructionId) ?? m).ToList();
        var liveIds = live.Select(m => m.InstructionId).ToHashSet(StringComparer.Ordinal);
        shown.AddRange(history.Where(m => !liveIds.Contains(m.InstructionId)));
        return [.. shown.OrderByDescending(m => m.QueuedAt).ThenBy(m => m.InstructionId, StringComparer.Ordinal)];
    }

    private static async Task<IResult> RetryAsync(string node, string instructionId, HttpContext context, [FromServices] IGrainFactory grains)
    {
        if (!NodeCode.IsPeerCode(node))
        {
            return NotANode(node);
        }

        return await grains.GetGrain<IBankLinkGrain>(node).Retry(instructionId, OperatorName.Of(context))
            ? Results.NoContent()
            : Results.Problem($"{instructionId} on {node} is not a dead message", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> CloseAsync(string node, string instructionId, [FromBody] CloseMessageRequest? request, HttpContext context, [FromServices] IGrainFactory grains)
    {
        if (!NodeCode.IsPeerCode(node))
        {
            return NotANode(node);
        }

        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            return Results.Problem("a reason is required to close a message by hand", statusCode: StatusCodes.Status400BadRequest);
        }

        return await grains.GetGrain<IBankLinkGrain>(node).Close(instructionId, request.Reason.Trim(), OperatorName.Of(context))
            ? Results.NoContent()
            : Results.Problem($"{instructionId} on {node} cannot be closed (unknown, delivered or already closed)", statusCode: StatusCodes.Status409Conflict);
    }

    private static IResult NotANode(string node) =>
        Results.Problem($"'{node}' is not a peer node code", statusCode: StatusCodes.Status400BadRequest);
}
