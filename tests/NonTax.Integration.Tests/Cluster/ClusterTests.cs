using NonTax.Integration.Tests.Fixtures;
using NonTax.Integration.Tests.TestGrains;

namespace NonTax.Integration.Tests.Cluster;

/// <summary>Silos on PostgreSQL: membership, failover of stored state, durable reminders.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresFixture database)
{
    [Fact]
    public async Task Two_silos_form_one_cluster_through_the_membership_table()
    {
        var clusterId = NewClusterId();
        await using var a = await TestSilo.StartAsync(database, clusterId, "a");
        await using var b = await TestSilo.StartAsync(database, clusterId, "b");

        var bothActive = await Eventually.HoldsAsync(async () =>
            await database.ScalarAsync<long>(
                "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = 3", clusterId) == 2);

        Assert.True(bothActive, "both silos should be Active in the membership table");
        var hosts = await a.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task Stock_provider_state_survives_its_silo_leaving()
    {
        await AssertStateSurvivesFailover(
            (silo, key) => silo.Grains.GetGrain<IStockCounterGrain>(key).Set(42),
            (silo, key) => silo.Grains.GetGrain<IStockCounterGrain>(key).Get(),
            (silo, key) => silo.Grains.GetGrain<IStockCounterGrain>(key).HostingSilo());
    }

    [Fact]
    public async Task Batched_provider_state_survives_its_silo_leaving()
    {
        await AssertStateSurvivesFailover(
            (silo, key) => silo.Grains.GetGrain<IDomainCounterGrain>(key).Set(42),
            (silo, key) => silo.Grains.GetGrain<IDomainCounterGrain>(key).Get(),
            (silo, key) => silo.Grains.GetGrain<IDomainCounterGrain>(key).HostingSilo());
    }

    [Fact]
    public async Task Reminder_fires_and_fires_again_after_the_silo_restarts()
    {
        var clusterId = NewClusterId();
        var key = $"probe-{Guid.NewGuid():N}";
        var ticks = ReminderProbeGrain.Ticks.GetOrAdd(key, _ => new());

        var first = await TestSilo.StartAsync(database, clusterId, "first");
        await first.Grains.GetGrain<IReminderProbeGrain>(key).Start(TimeSpan.FromSeconds(1));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(!ticks.IsEmpty)), "the reminder should fire");
        // The probe's own reminder; every silo also registers the cluster's hand-over sweep.
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM orleansreminderstable WHERE serviceid = $1 AND grainid LIKE $2", clusterId, $"%{key}"));
        await first.StopAsync();
        await first.DisposeAsync();

        var firstSilo = ticks.Last();
        ticks.Clear();
        await using var second = await TestSilo.StartAsync(database, clusterId, "second");

        // Nobody calls the grain: only the stored reminder can wake it on the new silo. (A tick the
        // first silo was still delivering while it stopped may land after the Clear; it does not count.)
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(ticks.Any(silo => silo != firstSilo))), "the reminder should fire on the new silo");
        await second.Grains.GetGrain<IReminderProbeGrain>(key).Stop();
    }

    private async Task AssertStateSurvivesFailover(
        Func<TestSilo, string, Task> write,
        Func<TestSilo, string, Task<int>> read,
        Func<TestSilo, string, Task<string>> hostingSilo)
    {
        var clusterId = NewClusterId();
        await using var a = await TestSilo.StartAsync(database, clusterId, "a");
        await using var b = await TestSilo.StartAsync(database, clusterId, "b");
        var key = $"counter-{Guid.NewGuid():N}";

        await write(a, key);
        var owner = await hostingSilo(a, key);
        var (leaving, staying) = owner == a.Address.ToString() ? (a, b) : (b, a);

        await leaving.StopAsync();

        Assert.Equal(42, await read(staying, key));
        Assert.Equal(staying.Address.ToString(), await hostingSilo(staying, key));
    }

    private static string NewClusterId() => $"test-{Guid.NewGuid():N}"[..20];
}
