using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Tests.Infrastructure;

namespace NonTax.Grains.Tests.Bills;

/// <summary>
/// Staff on both silos distribute, recall and take numbers of one bill code at the same time: the
/// ranges still partition the received numbers (none lost, none in two ranges) and no number is
/// taken twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrentDistributionProperties(ClusterFixture fixture)
{
    private static readonly string[] Units = [ClusterFixture.LandUnit, ClusterFixture.SchoolUnit, ClusterFixture.FeeUnit];

    /// <summary>One step of one worker: distribute (count), recall, or take a number, for a unit.</summary>
    public sealed record Step(int Kind, int Unit, int Count);

    private static Arbitrary<Step[][]> Workloads() =>
        (from kind in Gen.Choose(0, 2)
         from unit in Gen.Choose(0, Units.Length - 1)
         from count in Gen.Choose(1, 40)
         select new Step(kind, unit, count))
        .ArrayOf().Where(a => a.Length is > 0 and <= 12)
        .ArrayOf().Where(w => w.Length is >= 2 and <= 4)
        .ToArbitrary();

    [Property(MaxTest = 12)]
    public Property Concurrent_movements_keep_every_number_in_exactly_one_range_and_take_it_once() =>
        Prop.ForAll(Workloads(), workers => CheckAsync(workers).GetAwaiter().GetResult());

    private async Task<bool> CheckAsync(Step[][] workers)
    {
        const long first = 1, last = 200;
        var code = BillStockTests.FreshCode();
        var directory = new FactBillDirectory(fixture.Store);
        var received = await fixture.Grains.GetGrain<IBillCodeGrain>(code).Receive(first, last, BillMedium.Electronic, ClusterFixture.Bureau, "上级", "test");
        if (!received.Succeeded)
        {
            return false;
        }

        var taken = new System.Collections.Concurrent.ConcurrentBag<(string Unit, long Number)>();
        await Task.WhenAll(workers.Select(steps => Task.Run(async () =>
        {
            foreach (var step in steps)
            {
                var unit = Units[step.Unit];
                var ranges = await ViewsAsync(directory, code);
                switch (step.Kind)
                {
                    case 0 when ranges.FirstOrDefault(r => !r.HeldByUnit) is { } stock:
                        await fixture.Grains.GetGrain<IBillRangeGrain>(stock.Range.GrainKey).Distribute(unit, Math.Min(step.Count, stock.Range.Count), "test");
                        break;
                    case 1 when ranges.FirstOrDefault(r => r.HeldByUnit && r.Unused > 0) is { } held:
                        await fixture.Grains.GetGrain<IBillRangeGrain>(held.Range.GrainKey).Recall(ClusterFixture.Bureau, "test");
                        break;
                    case 2:
                        if ((await fixture.Grains.GetGrain<IBillCodeGrain>(code).TakeNext(unit)).Number is { } number)
                        {
                            taken.Add((unit, number));
                        }

                        break;
                }
            }
        })));

        var final = await ViewsAsync(directory, code);
        var numbers = final.SelectMany(v => Enumerable.Range(0, (int)v.Range.Count).Select(i => v.Range.First + i)).ToList();
        var partition = numbers.Count == last - first + 1 && numbers.Distinct().Count() == numbers.Count && numbers.Min() == first && numbers.Max() == last;
        var takenOnce = taken.Select(t => t.Number).Distinct().Count() == taken.Count;
        var takenByTaker = true;
        foreach (var (unit, number) in taken)
        {
            var holder = final.Single(v => v.Range.Contains(number));
            takenByTaker &= await fixture.Grains.GetGrain<IBillRangeGrain>(holder.Range.GrainKey).WasTakenBy(number, unit);
        }

        var takenCount = final.Sum(v => v.Taken);
        return partition && takenOnce && takenByTaker && takenCount == taken.Count;
    }

    private async Task<List<BillRangeView>> ViewsAsync(FactBillDirectory directory, string code)
    {
        var views = new List<BillRangeView>();
        foreach (var rangeFirst in await directory.OverlappingAsync(code, 1, BillNumberRange.MaxNumber))
        {
            if (await fixture.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(code, rangeFirst)).Get() is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }
}
