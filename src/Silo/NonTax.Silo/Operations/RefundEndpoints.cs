using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Silo.Operations;

/// <summary>
/// Business refunds (业务性退付) and the list of every refund (docs/operations.md "Refunds"): a unit
/// applies for a refund of a paid notice, finance approves (the 5617 goes to the refund-reserve
/// bank) or rejects, and everyone sees where each refund, technical or business, stands. The notice
/// grain decides; the list comes from the projection.
/// </summary>
public static class RefundEndpoints
{
    public static RouteGroupBuilder MapRefundEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapPost("/notices/{payCode}/refunds", ApplyAsync);
        ops.MapPost("/refunds/{refundNo}/approve", ApproveAsync);
        ops.MapPost("/refunds/{refundNo}/reject", RejectAsync);
        ops.MapGet("/refunds", ListAsync);
        ops.MapGet("/refunds/stuck", StuckAsync);
        return ops;
    }

    private static async Task<IResult> ApplyAsync(string payCode, [FromBody] RefundApplicationRequest? request, HttpContext context, [FromServices] IGrainFactory grains)
    {
        if (payCode.Length != 20 || !payCode.All(char.IsAsciiDigit))
        {
            return Problem(StatusCodes.Status400BadRequest, $"'{payCode}' is not a payment code");
        }

        if (request is not { ApplicationNo: { } applicationNo, UnitCode: { } unitCode, Amount: { } amount, Reason: { } reason })
        {
            return Problem(StatusCodes.Status400BadRequest, "applicationNo, unitCode, amount and reason are required");
        }

        var decision = await grains.GetGrain<IPaymentNoticeGrain>(payCode)
            .ApplyRefund(new RefundApplication(applicationNo, unitCode, amount, reason, OperatorName.Of(context)));
        return Answer(decision);
    }

    private static async Task<IResult> ApproveAsync(string refundNo, [FromBody] RefundDecisionRequest? request, HttpContext context, [FromServices] IGrainFactory grains)
    {
        if (!RefundNumbers.IsWellFormed(refundNo) || !RefundNumbers.IsBusiness(refundNo))
        {
            return Problem(StatusCodes.Status400BadRequest, $"'{refundNo}' is not a business refund number");
        }

        var decision = await grains.GetGrain<IPaymentNoticeGrain>(RefundNumbers.PayCodeOf(refundNo))
            .ApproveRefund(refundNo, OperatorName.Of(context), request?.Note);
        return Answer(decision);
    }

    private static async Task<IResult> RejectAsync(string refundNo, [FromBody] RefundDecisionRequest? request, HttpContext context, [FromServices] IGrainFactory grains)
    {
        if (!RefundNumbers.IsWellFormed(refundNo) || !RefundNumbers.IsBusiness(refundNo))
        {
            return Problem(StatusCodes.Status400BadRequest, $"'{refundNo}' is not a business refund number");
        }

        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            return Problem(StatusCodes.Status400BadRequest, "a reason is required to reject a refund");
        }

        var decision = await grains.GetGrain<IPaymentNoticeGrain>(RefundNumbers.PayCodeOf(refundNo))
            .RejectRefund(refundNo, OperatorName.Of(context), request.Reason);
        return Answer(decision);
    }

    private static async Task<IResult> ListAsync([FromServices] IRefundLog log, CancellationToken cancellationToken,
        string? status = null, string? kind = null, string? payCode = null, string? unitCode = null, int limit = 200) =>
        OperatorJson.Ok(await log.ListAsync(new RefundFilter(status, kind, payCode, unitCode, limit), cancellationToken));

    private static async Task<IResult> StuckAsync([FromServices] IRefundLog log, [FromServices] Microsoft.Extensions.Options.IOptions<NonTax.Grains.Hosting.RefundOptions> options,
        CancellationToken cancellationToken, int limit = 200) =>
        OperatorJson.Ok(await log.StuckAsync(options.Value.StuckAfter, limit, cancellationToken));

    private static IResult Answer(RefundDecision decision) => decision.Outcome switch
    {
        RefundDecisionOutcome.Accepted => OperatorJson.Ok(decision),
        RefundDecisionOutcome.UnknownNotice or RefundDecisionOutcome.UnknownRefund => Problem(StatusCodes.Status404NotFound, decision),
        RefundDecisionOutcome.Invalid => Problem(StatusCodes.Status400BadRequest, decision),
        RefundDecisionOutcome.WrongUnit => Problem(StatusCodes.Status403Forbidden, decision),
        RefundDecisionOutcome.NoReserveBank => Problem(StatusCodes.Status503ServiceUnavailable, decision),
        _ => Problem(StatusCodes.Status409Conflict, decision),
    };

    private static IResult Problem(int status, RefundDecision decision) =>
        Results.Problem(decision.Information ?? decision.Outcome.ToString(), statusCode: status, title: decision.Outcome.ToString());

    private static IResult Problem(int status, string detail) => Results.Problem(detail, statusCode: status);
}
