using NonTax.Integration.Tests.Fixtures;
using NonTax.Integration.Tests.TestGrains;
using Xunit.Abstractions;

namespace NonTax.Integration.Tests.Storage;

/// <summary>
/// Durable writes per second of 64 concurrent grains, stock ADO.NET provider vs the batched
/// provider, on one silo. Printed, not asserted (machines differ); compare the ratio, which holds
/// on a noisy machine where absolute rates do not. Not part of the test command: run
/// <c>bash deploy/local/bench.sh</c>; <c>NONTAX_BENCH_ROUNDS</c> sets the writes per grain.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class StorageThroughputBenchmark(PostgresFixture database, ITestOutputHelper output)
{
    private const int Grains = 64;

    [Fact]
    public async Task Durable_writes_per_second_stock_vs_batched()
    {
        var rounds = DurableWriteRate.Rounds;
        await using var silo = await TestSilo.StartAsync(database, $"bench-{Guid.NewGuid():N}"[..20], "bench");

        var stock = Enumerable.Range(0, Grains).Select(i => silo.Grains.GetGrain<IStockCounterGrain>($"bench-{i}-{Guid.NewGuid():N}")).ToArray();
        var batched = Enumerable.Range(0, Grains).Select(i => silo.Grains.GetGrain<IDomainCounterGrain>($"bench-{i}-{Guid.NewGuid():N}")).ToArray();

        // Activation and the first insert are not measured.
        await Task.WhenAll(stock.Select(g => g.Set(-1)).Concat(batched.Select(g => g.Set(-1))));
        var stockRate = await DurableWriteRate.MeasureAsync(Grains, rounds, round => stock.Select(g => g.Set(round)));
        var batchedRate = await DurableWriteRate.MeasureAsync(Grains, rounds, round => batched.Select(g => g.Set(round)));

        var report = $"{Grains} concurrent grains x {rounds} writes: stock ADO.NET {stockRate:F0} writes/s, batched {batchedRate:F0} writes/s ({batchedRate / stockRate:F1}x)";
        DurableWriteRate.Report(output, report);
        Assert.Equal(rounds - 1, await batched[0].Get());
    }
}
