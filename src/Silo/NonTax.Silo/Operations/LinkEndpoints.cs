using NonTax.Protocol.Nodes;
using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Infrastructure.Peers;

namespace NonTax.Silo.Operations;

/// <summary>
/// Outbound bank links: staff see a link's messages (dead ones first of all) and retry a dead
/// message or close it by hand with a reason.
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

    private static async Task<IResult> ListAsync(string node, [FromServices] IGrainFactory grains)
    {
        if (!NodeCode.IsPeerCode(node))
        {
            return NotANode(node);
        }

        return OperatorJson.Ok(await grains.GetGrain<IBankLinkGrain>(node).GetMessages());
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
