using NonTax.Grains.Abstractions.Journal;
using NonTax.Integration.Tests.Fixtures;
using Xunit.Abstractions;

namespace NonTax.Integration.Tests.Projection;

/// <summary>
/// What projecting costs the hot path: 64 concurrent grains each commit one confirmation-shaped
/// fact per write, once as a kind no projector handles and once as notice.confirmed (which adds a
/// notices update and a payment_confirmations insert to the same commit). Printed, not asserted
/// (machines differ); <c>NONTAX_BENCH_ROUNDS</c> sets the writes per grain.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class ProjectionCostBenchmark(PostgresFixture database, ITestOutputHelper output)
{
    private const int Grains = 64;

    [Fact]
    public async Task Durable_confirmation_writes_per_second_without_and_with_projection()
    {
        var rounds = DurableWriteRate.Rounds;
        await using var silo = await TestSilo.StartAsync(database, $"pbench-{Guid.NewGuid():N}"[..20], "pbench");
        var run = Guid.NewGuid().ToString("N")[..8];
        var grains = Enumerable.Range(0, Grains).Select(i => silo.Grains.GetGrain<IFactRecorderGrain>($"pbench-{run}-{i}")).ToArray();
        string PayCode(int grain) => $"pb{run}{grain:D3}";

        // Activation, first insert and the notices the confirmations update are not measured.
        await Task.WhenAll(grains.Select((g, i) => g.Record([SampleFacts.Issued(PayCode(i), DateTimeOffset.UtcNow)])));

        BusinessFact Confirmation(int grain, int round, bool projected)
        {
            var fact = SampleFacts.Confirmed(PayCode(grain), DateTimeOffset.UtcNow, traNoBus: $"{run}-{grain}-{round}-{projected}");
            return projected ? fact : fact with { FactId = "bench:" + fact.FactId, Kind = "bench.confirmed" };
        }

        var plain = await DurableWriteRate.MeasureAsync(Grains, rounds, round => grains.Select((g, i) => g.Record([Confirmation(i, round, projected: false)])));
        var projected = await DurableWriteRate.MeasureAsync(Grains, rounds, round => grains.Select((g, i) => g.Record([Confirmation(i, round, projected: true)])));

        var report = $"{Grains} concurrent grains x {rounds} writes: unprojected fact {plain:F0} writes/s, projected notice.confirmed {projected:F0} writes/s ({projected / plain:P0})";
        DurableWriteRate.Report(output, report);
        Assert.Equal((long)Grains * rounds, await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.payment_confirmations WHERE tra_no_bus LIKE $1", $"{run}-%"));
    }
}
