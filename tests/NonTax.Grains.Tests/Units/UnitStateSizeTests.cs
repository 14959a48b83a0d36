using Microsoft.Extensions.DependencyInjection;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Grains.Units;
using NonTax.Protocol.Results;
using Orleans.Serialization;

namespace NonTax.Grains.Tests.Units;

/// <summary>
/// Bounded state (docs/architecture.md): what the storage writes for a unit is the same size
/// whatever the number of its notices, and rows written with the old, growing shape still load.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UnitStateSizeTests(ClusterFixture fixture)
{
    private Serializer Serializer => fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    [Fact]
    public async Task A_units_stored_state_after_2000_notices_is_the_size_it_was_after_100()
    {
        // 2,000 runs in seconds; the 100,000 the issue asks for is the Benchmark-category test below.
        var (after100, afterN) = await IssueAndMeasureAsync("0999011", 3, 2_000);

        Assert.Equal(after100, afterN);
    }

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task A_units_stored_state_after_100000_notices_is_the_size_it_was_after_100()
    {
        var (after100, afterN) = await IssueAndMeasureAsync("0999012", 12, 100_000);

        // The only difference allowed: ReservedUpTo passing 16,384 takes a third varint byte.
        Assert.InRange(afterN - after100, 0, 1);
    }

    [Fact]
    public void A_state_row_written_with_the_retired_per_notice_fields_still_loads()
    {
        var profile = new CollectingUnitProfile("0999099", "旧单位", "dept", "320682", ClusterFixture.Bureau, 99, "32001");
        var legacy = new LegacyCollectingUnitState
        {
            Profile = profile,
            Rights = [new CollectionRight("103099901", "320600099901")],
            Limits = new MonitoringLimits(MaxDaysIssuedUnpaid: 30, MaxDaysUnremitted: 5),
            Version = 7,
            History = [new BaseDataChange(7, "unit", "0999099", "admin", DateTimeOffset.UnixEpoch, null, "{}")],
            AllocationYear = 26,
            ReservedUpTo = 17_001,
            OpenNotices = Enumerable.Range(1, 500).ToDictionary(i => $"3206822699{i:D9}0", _ => new DateOnly(2026, 3, 1)),
            Unremitted = Enumerable.Range(501, 500).ToDictionary(i => $"3206822699{i:D9}0", _ => new DateOnly(2026, 3, 2)),
            IsBlocked = true,
            BlockReason = "notice unpaid",
            BlockedAt = DateTimeOffset.UnixEpoch,
            BlockCount = 3,
            ClearedOffenders = ["32068226990000000010"],
        };
        // What BatchedGrainStorage stored and reads back: Serializer bytes of the state object.
        var oldRow = Serializer.SerializeToArray(legacy);

        var loaded = Assert.IsType<CollectingUnitState>(Serializer.Deserialize<CollectingUnitState>(oldRow));

        Assert.Equal(profile, loaded.Profile);
        Assert.Equal(legacy.Rights, loaded.Rights);
        Assert.Equal(legacy.Limits, loaded.Limits);
        Assert.Equal((7, 26, 17_001L), (loaded.Version, loaded.AllocationYear, loaded.ReservedUpTo));
        Assert.Equal((true, "notice unpaid", DateTimeOffset.UnixEpoch, 3), (loaded.IsBlocked, loaded.BlockReason, loaded.BlockedAt, loaded.BlockCount));
        Assert.Null(loaded.ClearedThrough);
        // The next write drops the retired fields.
        Assert.True(Serializer.SerializeToArray(loaded).Length * 20 < oldRow.Length);
    }

    private async Task<(int After100, int AfterN)> IssueAndMeasureAsync(string unitCode, int issuer, int notices)
    {
        var fee = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.FeeUnit).Get();
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(unitCode);
        Assert.Equal(ResultCodes.Success, await unit.Define(fee!.Profile with { UnitCode = unitCode, IssuerNumber = issuer }, "admin"));
        Assert.Equal(ResultCodes.Success, await unit.GrantRight(ClusterFixture.LateFeeItem, "admin"));

        await IssueAsync(unit, 100);
        var after100 = StoredSize(unitCode);
        for (var issued = 100; issued < notices; issued += 500)
        {
            await IssueAsync(unit, Math.Min(500, notices - issued));
        }

        var monitoring = (await unit.Get())!.Monitoring;
        Assert.Equal(notices, monitoring.OpenNotices);
        return (after100, StoredSize(unitCode));
    }

    private static async Task IssueAsync(ICollectingUnitGrain unit, int count)
    {
        var report = await unit.IssueBatch([.. Enumerable.Range(1, count).Select(i => Drafts.Fine(10m + i % 50))]);
        Assert.Equal(count, report.Issued);
    }

    private int StoredSize(string unitCode)
    {
        var state = Assert.IsType<CollectingUnitState>(fixture.Store.StateOf("unit", unitCode));
        return Serializer.SerializeToArray(state).Length;
    }
}
