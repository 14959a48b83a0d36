using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.EBills;
using NonTax.Protocol.Results;

namespace NonTax.Silo.Operations.EBills;

/// <summary>
/// E-bills for staff (docs/operations.md "E-bills"): exchange paid notices one by one or in a
/// batch with a per-notice report, reverse a bill (冲红), look a bill up with its signatures checked,
/// download its file, and verify a file anyone brings. Bills are addressed "{billCode}-{number:D10}".
/// </summary>
public static class EBillEndpoints
{
    public const int MaxBatch = 1000;

    public static RouteGroupBuilder MapEBillEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapPost("/ebills/exchange", ExchangeAsync);
        ops.MapPost("/ebills/exchange/batch", BatchAsync);
        ops.MapPost("/ebills/notices/{payCode}/reverse", ReverseAsync);
        ops.MapGet("/ebills/notices/{payCode}", ForNoticeAsync);
        ops.MapGet("/ebills/{key}", GetAsync);
        ops.MapGet("/ebills/{key}/file", FileAsync);
        ops.MapPost("/ebills/verify", VerifyAsync);
        return ops;
    }

    private static async Task<IResult> ExchangeAsync([FromBody] EBillExchangeRequest? request, HttpContext context, [FromServices] IGrainFactory grains,
        [FromServices] IOptions<EBillOptions> options)
    {
        if (request?.PayCode is not { Length: > 0 } payCode)
        {
            return BadRequest("give payCode (and billCode, unless EBills:DefaultBillCode is set)");
        }

        var billCode = request.BillCode ?? options.Value.DefaultBillCode;
        return Answer(await grains.GetGrain<IPaymentNoticeGrain>(payCode).ExchangeEBill(billCode, OperatorName.Of(context)));
    }

    private static async Task<IResult> BatchAsync([FromBody] EBillBatchRequest? request, HttpContext context, [FromServices] IGrainFactory grains,
        [FromServices] IOptions<EBillOptions> options, CancellationToken cancellationToken)
    {
        if (request?.PayCodes is not { Count: > 0 and <= MaxBatch } payCodes)
        {
            return BadRequest($"give payCodes (1 to {MaxBatch}) and billCode, unless EBills:DefaultBillCode is set");
        }

        var billCode = request.BillCode ?? options.Value.DefaultBillCode;
        var operatorName = OperatorName.Of(context);
        var lines = new EBillBatchLine[payCodes.Count];
        // Each notice decides on its own; a few at a time keeps one batch from crowding out the rest.
        await Parallel.ForAsync(0, payCodes.Count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, _) =>
        {
            var outcome = await grains.GetGrain<IPaymentNoticeGrain>(payCodes[i]).ExchangeEBill(billCode, operatorName);
            lines[i] = new EBillBatchLine(payCodes[i], outcome.Code, outcome.Message, outcome.Bill?.Key, outcome.Repeated);
        });
        return OperatorJson.Ok(new
        {
            issued = lines.Count(l => l.Code == ResultCodes.Success && !l.Repeated),
            repeated = lines.Count(l => l.Repeated),
            refused = lines.Count(l => l.Code != ResultCodes.Success),
            lines,
        });
    }

    private static async Task<IResult> ReverseAsync(string payCode, [FromBody] EBillReversalRequest? request, HttpContext context,
        [FromServices] IGrainFactory grains) =>
        string.IsNullOrWhiteSpace(request?.Reason)
            ? BadRequest("give reason")
            : Answer(await grains.GetGrain<IPaymentNoticeGrain>(payCode).ReverseEBill(OperatorName.Of(context), request.Reason.Trim()));

    private static async Task<IResult> ForNoticeAsync(string payCode, [FromServices] IEBillArchive archive, [FromServices] EBillKeyStore keys,
        CancellationToken cancellationToken) =>
        OperatorJson.Ok((await archive.ForNoticeAsync(payCode, cancellationToken)).Select(b => View(b, keys)).ToList());

    private static async Task<IResult> GetAsync(string key, [FromServices] IEBillArchive archive, [FromServices] EBillKeyStore keys,
        CancellationToken cancellationToken) =>
        await FindAsync(key, archive, cancellationToken) is { } bill
            ? OperatorJson.Ok(View(bill, keys))
            : NotFound(key);

    private static async Task<IResult> FileAsync(string key, [FromServices] IEBillArchive archive, CancellationToken cancellationToken) =>
        await FindAsync(key, archive, cancellationToken) is { } bill
            ? Results.File(bill.Document, "application/xml", $"{bill.Key}.xml")
            : NotFound(key);

    private static async Task<IResult> VerifyAsync(HttpRequest request, [FromServices] EBillKeyStore keys, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var verdict = EInvoiceVerifier.Verify(body.ToArray(), keys);
        return OperatorJson.Ok(new
        {
            valid = verdict.IsValid,
            unitSignatureValid = verdict.UnitSignatureValid,
            financeSignatureValid = verdict.FinanceSignatureValid,
            bill = verdict.Content is { } c ? $"{c.BillCode}-{c.BillNumber}" : null,
            payer = verdict.Content?.PayerParty.Name,
            totalAmount = verdict.Content?.TotalAmount,
            problems = verdict.Problems,
        });
    }

    private static async Task<StoredEBill?> FindAsync(string key, IEBillArchive archive, CancellationToken cancellationToken)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        return dash == 8 && long.TryParse(key.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await archive.FindAsync(key[..dash], number, cancellationToken)
            : null;
    }

    private static EBillView View(StoredEBill bill, EBillKeyStore keys)
    {
        var verdict = EInvoiceVerifier.Verify(bill.Document, keys);
        return new EBillView(bill.Key, bill.PayCode, bill.UnitCode, bill.RedLetter,
            bill.RelatedCode is { } code ? $"{code}-{bill.RelatedNumber:D10}" : null, bill.CheckCode, bill.TotalAmount, bill.PayerName, bill.IssuedAt,
            verdict.IsValid, verdict.UnitSignatureValid, verdict.FinanceSignatureValid, verdict.Problems);
    }

    private static IResult Answer(EBillOutcome outcome) => outcome.Code switch
    {
        ResultCodes.Success => OperatorJson.Ok(new { code = outcome.Code, message = outcome.Message, bill = outcome.Bill?.Key, details = outcome.Bill, repeated = outcome.Repeated }),
        ResultCodes.MalformedField => Results.Problem(outcome.Message, statusCode: StatusCodes.Status400BadRequest),
        ResultCodes.UnknownPayCode => Results.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound),
        _ => Results.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = outcome.Code }),
    };

    private static IResult NotFound(string key) => Results.Problem($"no e-bill '{key}'", statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string message) => Results.Problem(message, statusCode: StatusCodes.Status400BadRequest);
}
