using NonTax.Grains.Abstractions.BaseData;
using NonTax.Silo.Outbound;

namespace NonTax.Silo.Operations;

/// <summary>
/// Operator triggers on the silo's operations port (an internal port: not exposed to banks or
/// browsers). <c>POST /ops/base-data/publish</c> pushes the full base-data refreshes of this
/// finance node to its banks now and answers the SeqNos given.
/// </summary>
public static class BaseDataOperations
{
    public static IEndpointRouteBuilder MapBaseDataOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/ops/base-data/publish", PublishAsync);
        return endpoints;
    }

    private static async Task<IResult> PublishAsync(PublishBaseDataRequest? request, IGrainFactory grains, FinanceNodeIdentity financeNode)
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? "operator request" : request.Reason;
        var operatorName = string.IsNullOrWhiteSpace(request?.Operator) ? "ops" : request.Operator;
        var refreshes = await grains.GetGrain<IBaseDataPublisherGrain>(financeNode.Code).PublishAll(reason, operatorName);
        return Results.Ok(new
        {
            financeNode = financeNode.Code,
            refreshes = refreshes.Select(r => new { msgNo = r.MsgNo, seqNo = r.SeqNo, peers = r.Peers, rows = r.Rows }),
        });
    }
}
