using System.Security.Claims;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;

namespace NonTax.Frontend.Api;

/// <summary>
/// The JSON API under <c>/api</c>: what the pages do, for other programs, described at
/// <c>/openapi/v1.json</c>. Signed in with the same cookie and guarded by the same rights as the
/// pages; refusals are 401 (not signed in) and 403 (no right), never a redirect.
/// </summary>
public static class FrontendApi
{
    public static IEndpointRouteBuilder MapNonTaxApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("NonTax").DisableAntiforgery();

        api.MapGet("/notices", async (ClaimsPrincipal user, NoticeSearch search, string? unit, string? payCode, string? payer, string? status, DateOnly? from, DateOnly? to) =>
                Results.Ok(await search.FindAsync(user, new NoticeFilter(unit, payCode, payer, status, from, to))))
            .RequireAuthorization(Permission.NoticesView)
            .WithSummary("Search notices (the unit's own for a unit user)");

        api.MapGet("/notices/{payCode}", async (string payCode, ClaimsPrincipal user, NoticeDesk desk) =>
                await desk.FindAsync(user, payCode) is { } record ? Results.Ok(record.Details) : Results.NotFound())
            .RequireAuthorization(Permission.NoticesView)
            .WithSummary("One notice as of today");

        api.MapPost("/notices", async (NoticeIssueRequest request, ClaimsPrincipal user, NoticeDesk desk) =>
            {
                if (string.IsNullOrWhiteSpace(request.UnitCode) || string.IsNullOrWhiteSpace(request.PayerName)
                    || string.IsNullOrWhiteSpace(request.ItemCode) || request.Amount <= 0 || !MoneyMath.IsValidAmount(request.Amount) || request.Quantity <= 0)
                {
                    return Results.BadRequest(new IssueResult(ResultCodes.MalformedField, Information: "unitCode, payerName, itemCode, amount (> 0, two decimals) and quantity are required"));
                }

                var payer = new Payer(request.PayerName.Trim(), request.PayerType, MobilePhone: Trim(request.PayerMobile), CreditCode: Trim(request.PayerCreditCode));
                var draft = new NoticeDraft(payer, request.Amount, [new NoticeLineRequest(request.ItemCode.Trim(), request.Amount, request.Quantity)], user.Identity!.Name!, Trim(request.Memo));
                var result = await desk.IssueAsync(user, request.UnitCode.Trim(), draft);
                return result.Succeeded ? Results.Ok(result)
                    : result.ResultCode == ResultCodes.NotAllowed ? Results.Json(result, statusCode: StatusCodes.Status403Forbidden)
                    : Results.UnprocessableEntity(result);
            })
            .RequireAuthorization(Permission.NoticesIssue)
            .WithSummary("Issue one notice");

        api.MapPost("/notices/{payCode}/void", async (string payCode, NoticeVoidRequest request, ClaimsPrincipal user, NoticeDesk desk) =>
            {
                var code = await desk.VoidAsync(user, payCode, request.Reason);
                return code switch
                {
                    ResultCodes.Success => Results.Ok(new { resultCode = code }),
                    ResultCodes.UnknownPayCode => Results.NotFound(new { resultCode = code }),
                    _ => Results.UnprocessableEntity(new { resultCode = code }),
                };
            })
            .RequireAuthorization(Permission.NoticesVoid)
            .WithSummary("Void an unpaid notice");

        api.MapGet("/audit", async (AuditTrail audit, string? actor, string? action, string? text, DateOnly? from, DateOnly? to) =>
                Results.Ok(await audit.SearchAsync(new AuditQuery(actor, action, text, from, to))))
            .RequireAuthorization(Permission.AuditView)
            .WithSummary("Search the operation log");

        return endpoints;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
