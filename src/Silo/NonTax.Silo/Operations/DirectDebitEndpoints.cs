using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;

namespace NonTax.Silo.Operations;

/// <summary>
/// Direct debit (划缴, docs/operations.md "Direct debit"): a unit starts a debit of an unpaid notice
/// from the account the payer authorised at a bank; the 5604 goes to that bank and its 2607
/// confirms the notice like a 2612.
/// </summary>
public static class DirectDebitEndpoints
{
    public static RouteGroupBuilder MapDirectDebitEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapPost("/notices/{payCode}/direct-debits", StartAsync);
        ops.MapGet("/notices/{payCode}/direct-debits", ListAsync);
        return ops;
    }

    private static async Task<IResult> StartAsync(string payCode, [FromBody] DirectDebitStartRequest? request, HttpContext context, [FromServices] IGrainFactory grains)
    {
        if (payCode.Length != 20 || !payCode.All(char.IsAsciiDigit))
        {
            return Results.Problem($"'{payCode}' is not a payment code", statusCode: StatusCodes.Status400BadRequest);
        }

        if (request is not { UnitCode: { } unit, Bank: { } bank, PayerName: { } name, PayerAcct: { } account, AuthNo: { } authNo })
        {
            return Results.Problem("unitCode, bank, payerName, payerAcct and authNo are required", statusCode: StatusCodes.Status400BadRequest);
        }

        var start = await grains.GetGrain<IPaymentNoticeGrain>(payCode)
            .StartDirectDebit(new DirectDebitRequest(unit, bank, name, account, authNo, OperatorName.Of(context), request.PayerOpBk));
        return start.ResultCode switch
        {
            ResultCodes.Success => OperatorJson.Ok(start),
            ResultCodes.UnknownPayCode => Results.Problem("no such notice", statusCode: StatusCodes.Status404NotFound, title: start.ResultCode),
            ResultCodes.NotAllowed => Results.Problem(start.Information, statusCode: StatusCodes.Status403Forbidden, title: start.ResultCode),
            ResultCodes.MalformedField => Results.Problem(start.Information, statusCode: StatusCodes.Status400BadRequest, title: start.ResultCode),
            _ => Results.Problem($"the notice cannot be debited ({start.ResultCode})", statusCode: StatusCodes.Status409Conflict, title: start.ResultCode),
        };
    }

    private static async Task<IResult> ListAsync(string payCode, [FromServices] IGrainFactory grains) =>
        await grains.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails() is { } record
            ? OperatorJson.Ok(record.DirectDebits ?? Array.Empty<DirectDebit>())
            : Results.Problem("no such notice", statusCode: StatusCodes.Status404NotFound);
}

/// <summary>Body of <c>POST /ops/notices/{payCode}/direct-debits</c>.</summary>
public sealed record DirectDebitStartRequest(string? UnitCode, string? Bank, string? PayerName, string? PayerAcct, string? AuthNo, string? PayerOpBk);
