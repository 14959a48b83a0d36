using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.BaseData;
using NonTax.Silo.Outbound;

namespace NonTax.Silo.Operations;

/// <summary>
/// Operator trigger of the base-data pushes: <c>POST /ops/base-data/publish</c> pushes the full
/// refreshes (5952, 5953, 5981) of this finance node to its banks now and answers the SeqNos given.
/// </summary>
public static class BaseDataOperations
{
    public static RouteGroupBuilder MapBaseDataEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapPost("/base-data/publish", PublishAsync);
        return ops;
    }

    private static async Task<IResult> PublishAsync(
        [FromBody] PublishBaseDataRequest? request, HttpContext context, [FromServices] IGrainFactory grains, [FromServices] FinanceNodeIdentity financeNode)
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? "operator request" : request.Reason;
        var operatorName = string.IsNullOrWhiteSpace(request?.Operator) ? OperatorName.Of(context) : request.Operator;
        var refreshes = await grains.GetGrain<IBaseDataPublisherGrain>(financeNode.Code).PublishAll(reason, operatorName);
        return Results.Ok(new
        {
            financeNode = financeNode.Code,
            refreshes = refreshes.Select(r => new { msgNo = r.MsgNo, seqNo = r.SeqNo, peers = r.Peers, rows = r.Rows }),
        });
    }
}
