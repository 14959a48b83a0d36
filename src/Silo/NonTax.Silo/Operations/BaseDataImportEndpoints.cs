using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.BaseData;

namespace NonTax.Silo.Operations;

/// <summary>
/// <c>POST /ops/base-data/import</c>: applies a base-data document (the JSON shape of
/// deploy/local/sandbox-bureau.json: regions, banks, outlets, fiscal accounts, peers, items, units
/// with their rights and limits) row by row and answers the per-row report. Each row is applied or
/// refused on its own, with the result code and reason; <c>?onlyAbsent=true</c> adds only what is
/// missing. A document that is not valid JSON of that shape changes nothing and answers 400.
/// </summary>
public static class BaseDataImportEndpoints
{
    public static RouteGroupBuilder MapBaseDataImportEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapPost("/base-data/import", ImportAsync);
        return ops;
    }

    private static async Task<IResult> ImportAsync(HttpContext context, [FromServices] IGrainFactory grains, [FromQuery] bool? onlyAbsent)
    {
        string json;
        using (var reader = new StreamReader(context.Request.Body))
        {
            json = await reader.ReadToEndAsync(context.RequestAborted);
        }

        NonTax.Grains.Abstractions.BaseData.BaseDataDocument document;
        try
        {
            document = BaseDataJson.Parse(json);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            return Results.Problem($"not a base-data document: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        var report = await new BaseDataImport(grains, OperatorName.Of(context), onlyAbsent ?? false).ApplyAsync(document);
        return OperatorJson.Ok(new
        {
            applied = report.Rows.Count(r => r.Outcome == "applied"),
            skipped = report.Rows.Count(r => r.Outcome == "skipped"),
            refused = report.Rows.Count(r => r.Outcome == "refused"),
            rows = report.Rows,
        });
    }
}
