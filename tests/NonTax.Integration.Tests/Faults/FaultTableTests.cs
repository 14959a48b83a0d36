using System.Globalization;
using Xunit.Abstractions;

namespace NonTax.Integration.Tests.Faults;

/// <summary>
/// The fault table (docs/reliability.md "Fault table"): the system as processes under load, faults
/// from a seeded schedule, and the checker's verdict. The quick form runs in the test command;
/// the soak (<c>Category=FaultSoak</c>) is deploy/local/faults.sh. Environment:
/// <c>NONTAX_FAULT_SEED</c> (a run's seed, printed with its table, to repeat it),
/// <c>NONTAX_FAULT_MINUTES</c> (the soak's length), <c>NONTAX_FAULT_PG_PORT</c> (its own
/// PostgreSQL; default the test server's port + 31).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultTableTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Faults")]
    public async Task A_silo_killed_an_edge_killed_and_PostgreSQL_restarted_under_load_lose_and_duplicate_nothing()
    {
        var seed = Seed();
        var options = new FaultRunOptions
        {
            Seed = seed,
            // The silo's kill last: its restart, the slowest step, is not needed after the last fault.
            Faults = [.. FaultSchedule.Draw(seed, 3, [FaultKind.KillSilo, FaultKind.KillEdge, FaultKind.RestartPostgres], silos: 2, edges: 2, TimeSpan.FromSeconds(15))
                .OrderBy(f => f.Kind == FaultKind.KillSilo)],
            Settle = TimeSpan.FromSeconds(90),
            PostgresInstance = "faults-quick",
            PostgresPort = PostgresPort(),
        };

        await RunAndReportAsync(options, "quick");
    }

    [Fact]
    [Trait("Category", "FaultSoak")]
    public async Task Soak_every_fault_kind_from_a_seeded_schedule_loses_and_duplicates_nothing()
    {
        var seed = Seed();
        var minutes = double.Parse(Environment.GetEnvironmentVariable("NONTAX_FAULT_MINUTES") ?? "10", CultureInfo.InvariantCulture);
        var window = TimeSpan.FromSeconds(40);
        var count = Math.Max(6, (int)(minutes * 60 / window.TotalSeconds));
        var options = new FaultRunOptions
        {
            Seed = seed,
            Faults = FaultSchedule.Draw(seed, count, Enum.GetValues<FaultKind>(), silos: 3, edges: 2, window),
            Silos = 3,
            ClientsPerEdge = 4,
            PostgresInstance = "faults-soak",
            PostgresPort = PostgresPort(),
        };

        await RunAndReportAsync(options, "soak");
    }

    private async Task RunAndReportAsync(FaultRunOptions options, string form)
    {
        var started = DateTimeOffset.UtcNow;
        void Log(string line)
        {
            var text = $"[faults {DateTimeOffset.UtcNow - started:mm\\:ss}] {line}";
            output.WriteLine(text);
            Console.WriteLine(text);
        }

        Log($"{form} run, seed {options.Seed}: {string.Join(", ", options.Faults.Select(f => $"{f.Kind}({f.Target}) {f.Window.TotalSeconds:F0}s"))}");
        var report = await FaultRun.RunAsync(options, Log, CancellationToken.None);
        var table = report.ToTable();
        output.WriteLine(table);
        Console.WriteLine(table);
        var file = Path.Combine(Fixtures.FullSilo.RepositoryRoot(), ".state", $"fault-table-{form}.md");
        await File.WriteAllTextAsync(file, table);
        Assert.True(report.Held, table);
    }

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("NONTAX_FAULT_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next(1, 1_000_000);

    private static int PostgresPort()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("NONTAX_FAULT_PG_PORT"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
        {
            return port;
        }

        return int.Parse(Environment.GetEnvironmentVariable("NONTAX_TEST_PG_PORT") ?? "55439", CultureInfo.InvariantCulture) + 31;
    }
}
