using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Silo.Operations;

/// <summary>
/// Remittance days (缴库): staff see a bank day's figures and its 5618s with their 2618 results,
/// can run the day now instead of waiting for the scheduler, and re-send a 5618 the bank refused.
/// </summary>
public static class RemittanceEndpoints
{
    private const int MaxPage = 500;

    public static RouteGroupBuilder MapRemittanceEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/remittance/days/{bankNode}/{day}", DayAsync);
        ops.MapPost("/remittance/days/{bankNode}/{day}/run", RunDayAsync);
        ops.MapGet("/remittance/days/{bankNode}/{day}/instructions", InstructionsAsync);
        ops.MapPost("/remittance/days/{bankNode}/{day}/instructions/{remitNo}/resend", ResendAsync);
        return ops;
    }

    private static async Task<IResult> DayAsync(string bankNode, string day, [FromServices] IGrainFactory grains) =>
        DateOnly.TryParseExact(day, "yyyyMMdd", out var date)
            ? OperatorJson.Ok(await grains.GetGrain<IRemittanceDayGrain>(IRemittanceDayGrain.KeyOf(bankNode, date)).GetView())
            : BadDay();

    private static async Task<IResult> RunDayAsync(string bankNode, string day, [FromServices] IGrainFactory grains) =>
        DateOnly.TryParseExact(day, "yyyyMMdd", out var date)
            ? OperatorJson.Ok(await grains.GetGrain<IRemittanceDayGrain>(IRemittanceDayGrain.KeyOf(bankNode, date)).Run())
            : BadDay();

    /// <summary>A page of the day's 5618s in RemitNo order; <c>after</c> is the last RemitNo of the previous page.</summary>
    private static async Task<IResult> InstructionsAsync(string bankNode, string day, [FromQuery] string? after, [FromQuery] int? limit,
        [FromServices] IRemittanceSource source, CancellationToken cancellationToken) =>
        DateOnly.TryParseExact(day, "yyyyMMdd", out var date)
            ? OperatorJson.Ok(await source.InstructionsAsync(bankNode, date, after, Math.Clamp(limit ?? 100, 1, MaxPage), cancellationToken))
            : BadDay();

    /// <summary>
    /// Re-sends a 5618 the bank refused, after finance fixed the cause (who: <c>X-Operator</c>).
    /// 200 with the new RemitNo, also when it was re-sent before (nothing more is sent); 404 not a
    /// remittance of that day; 409 not refused (instructed, remitted) or no RemitNo free.
    /// </summary>
    private static async Task<IResult> ResendAsync(string bankNode, string day, string remitNo, HttpContext context, [FromServices] IGrainFactory grains,
        [FromServices] IRemittanceSource source, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(day, "yyyyMMdd", out var date))
        {
            return BadDay();
        }

        if (await source.InstructionAsync(remitNo, cancellationToken) is not { } found || found.BankNode != bankNode || found.BusinessDay != date)
        {
            return Results.Problem($"{remitNo} is not a remittance of {bankNode} {day}", statusCode: StatusCodes.Status404NotFound);
        }

        var outcome = await grains.GetGrain<IRemittanceDayGrain>(IRemittanceDayGrain.KeyOf(bankNode, date)).Resend(remitNo, OperatorName.Of(context));
        return outcome.Resent
            ? OperatorJson.Ok(outcome)
            : Results.Problem(outcome.Refusal, statusCode: StatusCodes.Status409Conflict);
    }

    private static IResult BadDay() => Results.Problem("day: yyyyMMdd", statusCode: StatusCodes.Status400BadRequest);
}
