using System.Security.Claims;
using NonTax.Frontend.Refunds;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Frontend.Api;

/// <summary>The refunds part of the JSON API, what the refunds page does.</summary>
public static class RefundApi
{
    public static IEndpointRouteBuilder MapRefundApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Refunds").DisableAntiforgery();

        api.MapGet("/refunds", async (ClaimsPrincipal user, RefundDesk desk, string? status, string? kind, string? payCode, string? unit, int? limit, CancellationToken ct) =>
                Results.Ok(await desk.ListAsync(user, new RefundFilter(status, kind, payCode, unit, limit ?? 200), ct)))
            .RequireAuthorization(Permission.RefundsView)
            .WithSummary("Refunds, technical and business, newest first (a unit's user: the unit's own)");

        api.MapPost("/notices/{payCode}/refunds", async (string payCode, RefundApplicationRequest request, ClaimsPrincipal user, RefundDesk desk) =>
            {
                var unit = request.UnitCode ?? UserScope.Of(user).UnitCode;
                if (string.IsNullOrWhiteSpace(request.ApplicationNo) || unit is null || request.Amount is not { } amount || string.IsNullOrWhiteSpace(request.Reason))
                {
                    return Results.BadRequest(new { outcome = nameof(RefundDecisionOutcome.Invalid), information = "applicationNo, unitCode, amount and reason are required" });
                }

                return Answer(await desk.ApplyAsync(user, payCode, request.ApplicationNo, unit, amount, request.Reason));
            })
            .RequireAuthorization(Permission.RefundsApply)
            .WithSummary("A unit applies for a business refund of a paid notice");

        api.MapPost("/refunds/{refundNo}/approve", async (string refundNo, RefundDecisionRequest? request, ClaimsPrincipal user, RefundDesk desk) =>
                Answer(await desk.ApproveAsync(user, refundNo, request?.Note)))
            .RequireAuthorization(Permission.RefundsApprove)
            .WithSummary("Finance approves an applied refund; its 5617 goes to the refund-reserve bank");

        api.MapPost("/refunds/{refundNo}/reject", async (string refundNo, RefundDecisionRequest? request, ClaimsPrincipal user, RefundDesk desk) =>
                Answer(await desk.RejectAsync(user, refundNo, request?.Reason)))
            .RequireAuthorization(Permission.RefundsApprove)
            .WithSummary("Finance rejects an applied refund (reason required)");

        return endpoints;
    }

    private static IResult Answer(RefundDecision decision)
    {
        var body = new { outcome = decision.Outcome.ToString(), refund = decision.Refund, refundable = decision.Refundable, information = decision.Information };
        return decision.Outcome switch
        {
            RefundDecisionOutcome.Accepted => Results.Ok(body),
            RefundDecisionOutcome.UnknownNotice or RefundDecisionOutcome.UnknownRefund => Results.NotFound(body),
            RefundDecisionOutcome.Invalid => Results.BadRequest(body),
            RefundDecisionOutcome.WrongUnit => Results.Json(body, statusCode: StatusCodes.Status403Forbidden),
            RefundDecisionOutcome.NoReserveBank => Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => Results.Conflict(body),
        };
    }
}
