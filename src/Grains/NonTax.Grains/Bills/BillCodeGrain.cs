using NonTax.Grains.Abstractions.Bills;
using NonTax.Protocol.Results;

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
                return taken;
            }
        }

        return new BillStockResult(ResultCodes.BillStockExhausted, $"unit {unitCode} has no unused numbers of bill code {BillCode}");
    }
}
