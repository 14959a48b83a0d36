using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Infrastructure.Projection.Queries.Bills;
using NonTax.Protocol.Results;
using NonTax.Silo.Outbound;

namespace NonTax.Silo.Operations.Bills;

/// <summary>
/// Bill stock for staff (docs/operations.md "Bill stock"): receive ranges, distribute, recall,
/// return, void, write off; stock, movement and usage reports. Ranges are addressed by
/// "{billCode}-{first:D10}". Every change names its operator (<see cref="OperatorName"/>).
/// </summary>
public static class BillStockEndpoints
{
    public static RouteGroupBuilder MapBillStockEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapPost("/bills/receive", ReceiveAsync);
        ops.MapGet("/bills/ranges/{key}", GetAsync);
        ops.MapPost("/bills/ranges/{key}/distribute", DistributeAsync);
        ops.MapPost("/bills/ranges/{key}/recall", RecallAsync);
        ops.MapPost("/bills/ranges/{key}/return", ReturnAsync);
        ops.MapPost("/bills/ranges/{key}/void", VoidAsync);
        ops.MapPost("/bills/ranges/{key}/voided/{number:long}/returned", ReturnVoidedAsync);
        ops.MapPost("/bills/ranges/{key}/write-off", WriteOffAsync);
        ops.MapPost("/bills/codes/{billCode}/take", TakeAsync);
        ops.MapGet("/bills/stock", FinanceStockAsync);
        ops.MapGet("/bills/stock/units", UnitStockAsync);
        ops.MapGet("/bills/movements", MovementsAsync);
        ops.MapGet("/bills/usage/{unitCode}", UsageAsync);
        return ops;
    }

    private static async Task<IResult> ReceiveAsync([FromBody] BillReceiptRequest? request, HttpContext context, [FromServices] IGrainFactory grains,
        [FromServices] FinanceNodeIdentity financeNode)
    {
        if (request?.BillCode is not { Length: > 0 } code || !Enum.TryParse<BillMedium>(request.Medium ?? nameof(BillMedium.Electronic), true, out var medium))
        {
            return BadRequest("give billCode, first, last and medium (Electronic or Paper)");
        }

        return Answer(await grains.GetGrain<IBillCodeGrain>(code)
            .Receive(request.First, request.Last, medium, financeNode.Code, request.Source?.Trim() ?? "", OperatorName.Of(context)));
    }

    private static async Task<IResult> GetAsync(string key, [FromServices] IGrainFactory grains) =>
        await grains.GetGrain<IBillRangeGrain>(key).Get() is { } view
            ? OperatorJson.Ok(view)
            : Results.Problem($"no bill range '{key}'", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> DistributeAsync(string key, [FromBody] BillDistributionRequest? request, HttpContext context,
        [FromServices] IGrainFactory grains) =>
        request?.UnitCode is not { Length: > 0 } unit
            ? BadRequest("give unitCode (and count, or none for the whole range)")
            : Answer(await grains.GetGrain<IBillRangeGrain>(key).Distribute(unit, request.Count, OperatorName.Of(context)));

    private static async Task<IResult> RecallAsync(string key, HttpContext context, [FromServices] IGrainFactory grains,
        [FromServices] FinanceNodeIdentity financeNode) =>
        Answer(await grains.GetGrain<IBillRangeGrain>(key).Recall(financeNode.Code, OperatorName.Of(context)));

    private static async Task<IResult> ReturnAsync(string key, [FromBody] BillUnitRequest? request, HttpContext context, [FromServices] IGrainFactory grains,
        [FromServices] FinanceNodeIdentity financeNode) =>
        request?.UnitCode is not { Length: > 0 } unit
            ? BadRequest("give unitCode")
            : Answer(await grains.GetGrain<IBillRangeGrain>(key).ReturnUnused(unit, financeNode.Code, OperatorName.Of(context)));

    private static async Task<IResult> VoidAsync(string key, [FromBody] BillVoidRequest? request, HttpContext context, [FromServices] IGrainFactory grains) =>
        request?.UnitCode is not { Length: > 0 } unit || string.IsNullOrWhiteSpace(request.Reason)
            ? BadRequest("give unitCode, number and reason")
            : Answer(await grains.GetGrain<IBillRangeGrain>(key).Void(unit, request.Number, request.Reason.Trim(), OperatorName.Of(context)));

    private static async Task<IResult> ReturnVoidedAsync(string key, long number, HttpContext context, [FromServices] IGrainFactory grains) =>
        Answer(await grains.GetGrain<IBillRangeGrain>(key).ReturnVoided(number, OperatorName.Of(context)));

    private static async Task<IResult> WriteOffAsync(string key, [FromBody] BillWriteOffRequest? request, HttpContext context, [FromServices] IGrainFactory grains) =>
        request is null
            ? BadRequest("give through (the last number to write off)")
            : Answer(await grains.GetGrain<IBillRangeGrain>(key).WriteOff(request.Through, OperatorName.Of(context)));

    private static async Task<IResult> TakeAsync(string billCode, [FromBody] BillUnitRequest? request, [FromServices] IGrainFactory grains) =>
        request?.UnitCode is not { Length: > 0 } unit
            ? BadRequest("give unitCode")
            : Answer(await grains.GetGrain<IBillCodeGrain>(billCode).TakeNext(unit));

    private static async Task<IResult> FinanceStockAsync([FromServices] BillStockQuery query, CancellationToken cancellationToken) =>
        OperatorJson.Ok(await query.FinanceStockAsync(cancellationToken));

    private static async Task<IResult> UnitStockAsync([FromServices] BillStockQuery query, CancellationToken cancellationToken, string? unit = null) =>
        OperatorJson.Ok(await query.UnitStockAsync(unit, cancellationToken));

    private static async Task<IResult> MovementsAsync([FromServices] BillStockQuery query, CancellationToken cancellationToken,
        string? holder = null, string? code = null, int limit = 200) =>
        OperatorJson.Ok(await query.MovementsAsync(holder, code, Math.Clamp(limit, 1, 5000), cancellationToken));

    private static async Task<IResult> UsageAsync(string unitCode, [FromServices] BillStockQuery query, CancellationToken cancellationToken, int limit = 500) =>
        OperatorJson.Ok(await query.UsageAsync(unitCode, Math.Clamp(limit, 1, 5000), cancellationToken));

    private static IResult Answer(BillStockResult result) => result.Code switch
    {
        ResultCodes.Success => OperatorJson.Ok(result),
        ResultCodes.MalformedField => Results.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest),
        _ => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = result.Code }),
    };

    private static IResult BadRequest(string message) => Results.Problem(message, statusCode: StatusCodes.Status400BadRequest);
}
