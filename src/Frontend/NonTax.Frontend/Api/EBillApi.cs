using System.Security.Claims;
using NonTax.Frontend.EBills;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Api;

/// <summary>
/// The e-bills part of the JSON API, what the notice page and the batch page do: exchange a paid
/// notice for an e-bill, a batch with a line per notice, reverse (冲红), a notice's bills, and a
/// bill's signed XML and PDF face. A unit's user reaches the unit's own notices and bills only.
/// </summary>
public static class EBillApi
{
    public static IEndpointRouteBuilder MapEBillApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("E-bills").DisableAntiforgery();

        api.MapPost("/notices/{payCode}/ebill", async (string payCode, EBillExchangeRequest? request, ClaimsPrincipal user, EBillDesk desk) =>
                Answer(await desk.ExchangeAsync(user, payCode, request?.BillCode)))
            .RequireAuthorization(Permission.EBillsExchange)
            .WithSummary("Exchange a paid notice for an e-bill (once: a repeat answers the same bill)");

        api.MapPost("/ebills/exchange-batch", async (EBillBatchRequest? request, ClaimsPrincipal user, EBillDesk desk, CancellationToken ct) =>
                request?.PayCodes is { Count: > 0 and <= EBillDesk.MaxBatch } payCodes && payCodes.All(c => !string.IsNullOrWhiteSpace(c))
                    ? Results.Ok(await desk.ExchangeBatchAsync(user, payCodes, request.BillCode, ct))
                    : Results.BadRequest(new { information = $"payCodes: 1 to {EBillDesk.MaxBatch} payment codes" }))
            .RequireAuthorization(Permission.EBillsExchange)
            .WithSummary("Exchange many paid notices; a line per notice: exchanged, already-exchanged, not-paid, no-stock, unknown or refused");

        api.MapPost("/notices/{payCode}/ebill/reverse", async (string payCode, EBillReversalRequest? request, ClaimsPrincipal user, EBillDesk desk) =>
                Answer(await desk.ReverseAsync(user, payCode, request?.Reason)))
            .RequireAuthorization(Permission.EBillsReverse)
            .WithSummary("Reverse the notice's e-bill with a red-letter bill (once: a repeat answers the same red bill)");

        api.MapGet("/notices/{payCode}/ebills", async (string payCode, ClaimsPrincipal user, EBillDesk desk, CancellationToken ct) =>
                await desk.ForNoticeAsync(user, payCode, ct) is { } bills
                    ? Results.Ok(bills.Select(EBillListing.Of))
                    : Results.NotFound())
            .RequireAuthorization(Permission.NoticesView)
            .WithSummary("The notice's e-bills, the blue one first");

        api.MapGet("/ebills/{key}/file", async (string key, ClaimsPrincipal user, EBillDesk desk, CancellationToken ct) =>
                await desk.FindAsync(user, key, ct) is { } bill ? Results.File(bill.Document, "application/xml", $"{bill.Key}.xml") : Results.NotFound())
            .RequireAuthorization(Permission.NoticesView)
            .WithSummary("The signed e-bill file (UTF-8 XML, both signatures)");

        api.MapGet("/ebills/{key}/pdf", async (string key, ClaimsPrincipal user, EBillDesk desk, BillFacePdf pdf, CancellationToken ct) =>
                await desk.FindAsync(user, key, ct) is { } bill ? pdf.Answer(bill) : Results.NotFound())
            .RequireAuthorization(Permission.NoticesView)
            .WithSummary("The bill face as a PDF, with the QR code of its verification link");

        return endpoints;
    }

    private static IResult Answer(EBillExchangeLine line) => line.Status switch
    {
        EBillExchangeStatus.Exchanged or EBillExchangeStatus.AlreadyExchanged or EBillExchangeStatus.Reversed or EBillExchangeStatus.AlreadyReversed => Results.Ok(line),
        EBillExchangeStatus.Unknown => Results.NotFound(line),
        _ when line.Code == NonTax.Protocol.Results.ResultCodes.MalformedField => Results.BadRequest(line),
        _ => Results.Conflict(line),
    };
}
