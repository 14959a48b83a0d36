using System.Diagnostics;
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
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("NONTAX_BENCH_ROUNDS"), out var r) ? r : 20;
        await using var silo = await TestSilo.StartAsync(database, $"bench-{Guid.NewGuid():N}"[..20], "bench");

        var stock = Enumerable.Range(0, Grains).Select(i => silo.Grains.GetGrain<IStockCounterGrain>($"bench-{i}-{Guid.NewGuid():N}")).ToArray();
        var batched = Enumerable.Range(0, Grains).Select(i => silo.Grains.GetGrain<IDomainCounterGrain>($"bench-{i}-{Guid.NewGuid():N}")).ToArray();

        var stockRate = await MeasureAsync(rounds, round => stock.Select(g => g.Set(round)));
        var batchedRate = await MeasureAsync(rounds, round => batched.Select(g => g.Set(round)));

        var report = $"{Grains} concurrent grains x {rounds} writes: stock ADO.NET {stockRate:F0} writes/s, batched {batchedRate:F0} writes/s ({batchedRate / stockRate:F1}x)";
        output.WriteLine(report);
        Console.WriteLine(report);
        Assert.Equal(rounds - 1, await batched[0].Get());
    }

    private static async Task<double> MeasureAsync(int rounds, Func<int, IEnumerable<Task>> writeAll)
    {
        await Task.WhenAll(writeAll(-1)); // activation and first insert are not measured
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            // Every grain writes once per round; the next round starts when all are durable.
            await Task.WhenAll(writeAll(round));
        }

        return Grains * rounds / watch.Elapsed.TotalSeconds;
    }
}
