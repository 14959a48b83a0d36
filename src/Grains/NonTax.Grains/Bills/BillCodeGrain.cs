using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Hosting;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Bills;

/// <summary>One bill code's entry point to stock; see <see cref="IBillCodeGrain"/>.</summary>
/// <remarks>
/// Receipts of one code run one at a time here, so the overlap check and the new range's first
/// write cannot interleave with another receipt of the same code. Taking numbers interleaves
/// freely: each range grain serialises its own numbers.
/// </remarks>
public sealed class BillCodeGrain(IBillRangeDirectory directory) : Grain, IBillCodeGrain
{
    private string BillCode => this.GetPrimaryKeyString();

    public async Task<BillStockResult> Receive(long first, long last, BillMedium medium, string financeNode, string source, string operatorName)
    {
        var range = new BillNumberRange(BillCode, first, last);
        if (range.Problem() is { } problem)
        {
            return new BillStockResult(ResultCodes.MalformedField, problem);
        }

        // A range starting at the same number is this receipt repeated, or a different one its grain refuses.
        var overlapping = (await directory.OverlappingAsync(BillCode, first, last)).Where(f => f != first).ToList();
        if (overlapping.Count > 0)
        {
            return new BillStockResult(ResultCodes.NotAllowed,
                $"{range} overlaps the range(s) starting at {string.Join(", ", overlapping.Select(f => f.ToString("D10")))}");
        }

        return await GrainFactory.GetGrain<IBillRangeGrain>(range.GrainKey).Receive(range, medium, financeNode, source, operatorName);
    }

    public async Task<BillStockResult> TakeNext(string unitCode)
    {
        // A range used up between the query and the take answers 18030; the next one is tried.
        foreach (var first in await directory.UnitRangesWithStockAsync(unitCode, BillCode))
        {
            var taken = await GrainFactory.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(BillCode, first)).TakeNext(unitCode);
            if (taken.Code != ResultCodes.BillStockExhausted)
            {
                if (taken.Succeeded)
                {
                    await WarnIfLowAsync(unitCode);
                }

                return taken;
            }
        }

        return new BillStockResult(ResultCodes.BillStockExhausted, $"unit {unitCode} has no unused numbers of bill code {BillCode}");
    }

    /// <summary>
    /// Raises <c>bill.low-stock</c> when the unit is left with <see cref="BillStockOptions.LowStockThreshold"/>
    /// numbers or fewer; the alert key names the unit, code and China day, so a busy unit is warned
    /// once a day, not once per number. The journal is resolved when there is one (a silo); a
    /// failure to warn never fails the take that already happened.
    /// </summary>
    private async Task WarnIfLowAsync(string unitCode)
    {
        var threshold = ServiceProvider.GetService<IOptions<BillStockOptions>>()?.Value.LowStockThreshold ?? 0;
        if (threshold <= 0 || ServiceProvider.GetService<IFactJournal>() is not { } journal)
        {
            return;
        }

        try
        {
            var unused = await directory.UnitUnusedAsync(unitCode, BillCode);
            if (unused > threshold)
            {
                return;
            }

            var clock = ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var now = clock.GetUtcNow();
            var alert = new AlertRaised("bill.low-stock", unitCode, $"单位 {unitCode} 票据代码 {BillCode} 仅余 {unused} 个号码",
                $"low-stock threshold {threshold}: distribute more numbers to the unit", AlertSeverity.Warning);
            await journal.RecordAsync([alert.ToFact($"bill.low-stock:{unitCode}:{BillCode}:{ChinaTime.ToYyyyMmDd(ChinaTime.Today(clock))}", now)]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ServiceProvider.GetService<ILogger<BillCodeGrain>>()?.LogWarning(e, "Could not raise the low-stock alert of {Unit} {BillCode}", unitCode, BillCode);
        }
    }
}
