using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Tests.Bills;

/// <summary>Bill ranges on the two-silo test cluster: receipt, distribution, recall, return, take, void, write-off.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BillStockTests(ClusterFixture fixture)
{
    private const string Finance = ClusterFixture.Bureau;
    private const string Unit = ClusterFixture.LandUnit;
    private const string OtherUnit = ClusterFixture.SchoolUnit;
    private static int s_codes = Random.Shared.Next(0, 5000);

    /// <summary>A bill code no other test uses: each test starts with an empty stock of it.</summary>
    public static string FreshCode() => $"3201{Interlocked.Increment(ref s_codes) % 10000:D4}";

    private IBillCodeGrain Code(string code) => fixture.Grains.GetGrain<IBillCodeGrain>(code);

    private IBillRangeGrain Range(string code, long first) => fixture.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(code, first));

    [Fact]
    public async Task Received_ranges_never_overlap_and_a_repeat_receipt_is_harmless()
    {
        var code = FreshCode();
        Assert.True((await Code(code).Receive(1, 1000, BillMedium.Electronic, Finance, "省财政厅", "ops:wang")).Succeeded);
        Assert.True((await Code(code).Receive(1, 1000, BillMedium.Electronic, Finance, "省财政厅", "ops:wang")).Succeeded);

        var overlapping = await Code(code).Receive(500, 1500, BillMedium.Electronic, Finance, "省财政厅", "ops:wang");
        Assert.Equal(ResultCodes.NotAllowed, overlapping.Code);
        Assert.Contains("0000000001", overlapping.Message);
        Assert.Equal(ResultCodes.MalformedField, (await Code(code).Receive(10, 5, BillMedium.Electronic, Finance, "", "ops:wang")).Code);
        Assert.True((await Code(code).Receive(1001, 2000, BillMedium.Electronic, Finance, "省财政厅", "ops:wang")).Succeeded);

        var received = fixture.Store.FactsAbout(code).Where(f => f.Kind == BillMoved.Kind).Select(FactJson.Read<BillMoved>)
            .Where(m => m.Movement == "received").ToList();
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal("ops:wang", m.Operator));
    }

    [Fact]
    public async Task Distributing_part_of_a_range_splits_it_and_numbers_are_taken_in_order()
    {
        var code = FreshCode();
        await Code(code).Receive(101, 200, BillMedium.Electronic, Finance, "上级", "ops:li");

        var distributed = await Range(code, 101).Distribute(Unit, 30, "ops:li");
        Assert.True(distributed.Succeeded, distributed.Message);
        Assert.Equal(new BillNumberRange(code, 101, 130), distributed.Range!.Range);
        var tail = await Range(code, 131).Get();
        Assert.NotNull(tail);
        Assert.Equal(new BillNumberRange(code, 131, 200), tail.Range);
        Assert.False(tail.HeldByUnit);
        Assert.Equal(Finance, tail.Holder);

        var first = await Code(code).TakeNext(Unit);
        var second = await Code(code).TakeNext(Unit);
        Assert.Equal(101, first.Number);
        Assert.Equal(102, second.Number);
        Assert.Equal(ResultCodes.BillStockExhausted, (await Code(code).TakeNext(OtherUnit)).Code);
        Assert.True(await Range(code, 101).WasTakenBy(101, Unit));
        Assert.False(await Range(code, 101).WasTakenBy(103, Unit));
    }

    [Fact]
    public async Task Taking_moves_to_the_next_range_and_answers_18030_when_the_unit_has_none()
    {
        var code = FreshCode();
        await Code(code).Receive(1, 2, BillMedium.Electronic, Finance, "上级", "ops:li");
        await Code(code).Receive(10, 10, BillMedium.Electronic, Finance, "上级", "ops:li");
        await Range(code, 1).Distribute(Unit, null, "ops:li");
        await Range(code, 10).Distribute(Unit, null, "ops:li");

        var numbers = new List<long?>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add((await Code(code).TakeNext(Unit)).Number);
        }

        Assert.Equal([1L, 2L, 10L], numbers);
        Assert.Equal(ResultCodes.BillStockExhausted, (await Code(code).TakeNext(Unit)).Code);
    }

    [Fact]
    public async Task Recall_keeps_the_taken_head_with_the_unit_and_puts_the_unused_tail_in_stock()
    {
        var code = FreshCode();
        await Code(code).Receive(1, 50, BillMedium.Paper, Finance, "上级", "ops:li");
        await Range(code, 1).Distribute(Unit, null, "ops:li");
        await Code(code).TakeNext(Unit);
        await Code(code).TakeNext(Unit);

        var recalled = await Range(code, 1).Recall(Finance, "ops:zhao");
        Assert.True(recalled.Succeeded, recalled.Message);
        Assert.Equal(new BillNumberRange(code, 1, 2), recalled.Range!.Range);
        Assert.Equal(Unit, recalled.Range.Holder);
        var back = (await Range(code, 3).Get())!;
        Assert.Equal(new BillNumberRange(code, 3, 50), back.Range);
        Assert.False(back.HeldByUnit);
        Assert.Equal(ResultCodes.NotAllowed, (await Range(code, 1).Recall(Finance, "ops:zhao")).Code);

        // The recalled tail can go to another unit; a unit returns what it does not need.
        Assert.True((await Range(code, 3).Distribute(OtherUnit, null, "ops:zhao")).Succeeded);
        Assert.Equal(ResultCodes.NotAllowed, (await Range(code, 3).ReturnUnused(Unit, Finance, "unit:x")).Code);
        var returned = await Range(code, 3).ReturnUnused(OtherUnit, Finance, "unit:x");
        Assert.True(returned.Succeeded, returned.Message);
        Assert.False((await Range(code, 3).Get())!.HeldByUnit);

        var movements = fixture.Store.FactsAbout(code).Where(f => f.Kind == BillMoved.Kind).Select(FactJson.Read<BillMoved>).ToList();
        Assert.Contains(movements, m => m.Movement == "recalled" && m.First == 3 && m.Last == 50 && m.FromHolder == Unit && m.Operator == "ops:zhao");
        Assert.Contains(movements, m => m.Movement == "returned" && m.FromHolder == OtherUnit && m.ToHolder == Finance);
    }

    [Fact]
    public async Task Void_only_taken_numbers_once_and_write_off_only_what_was_taken()
    {
        var code = FreshCode();
        await Code(code).Receive(1, 20, BillMedium.Paper, Finance, "上级", "ops:li");
        await Range(code, 1).Distribute(Unit, null, "ops:li");
        await Code(code).TakeNext(Unit);
        await Code(code).TakeNext(Unit);

        Assert.Equal(ResultCodes.NotAllowed, (await Range(code, 1).Void(Unit, 5, "打印错误", "unit:a")).Code);
        Assert.Equal(ResultCodes.NotAllowed, (await Range(code, 1).Void(OtherUnit, 1, "打印错误", "unit:a")).Code);
        Assert.Equal(ResultCodes.MalformedField, (await Range(code, 1).Void(Unit, 1, " ", "unit:a")).Code);
        var voided = await Range(code, 1).Void(Unit, 2, "打印错误", "unit:a");
        Assert.True(voided.Succeeded, voided.Message);
        Assert.Equal(1, voided.Range!.Voided);
        Assert.Equal(ResultCodes.NotAllowed, (await Range(code, 1).Void(Unit, 2, "again", "unit:a")).Code);

        Assert.Equal(ResultCodes.NotAllowed, (await Range(code, 1).ReturnVoided(1, "ops:li")).Code);
        Assert.True((await Range(code, 1).ReturnVoided(2, "ops:li")).Succeeded);

        Assert.Equal(ResultCodes.NotAllowed, (await Range(code, 1).WriteOff(3, "ops:li")).Code);
        Assert.True((await Range(code, 1).WriteOff(2, "ops:li")).Succeeded);
        Assert.Equal(ResultCodes.NotAllowed, (await Range(code, 1).WriteOff(2, "ops:li")).Code);
        Assert.Equal(2, (await Range(code, 1).Get())!.WrittenOffThrough);
    }
}
