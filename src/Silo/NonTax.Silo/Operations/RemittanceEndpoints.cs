using Microsoft.AspNetCore.Mvc;
using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Silo.Operations;

/// <summary>
/// Remittance days (缴库): staff see a bank day's figures and its 5618s with their 2618 results,
/// and can run the day now instead of waiting for the scheduler.
/// </summary>
public static class RemittanceEndpoints
{
    private const int MaxPage = 500;

    public static RouteGroupBuilder MapRemittanceEndpoints(this RouteGroupBuilder ops)
    {
        ops.MapGet("/remittance/days/{bankNode}/{day}", DayAsync);
        ops.MapPost("/remittance/days/{bankNode}/{day}/run", RunDayAsync);
        ops.MapGet("/remittance/days/{bankNode}/{day}/instructions", InstructionsAsync);
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

    private static IResult BadDay() => Results.Problem("day: yyyyMMdd", statusCode: StatusCodes.Status400BadRequest);
}
