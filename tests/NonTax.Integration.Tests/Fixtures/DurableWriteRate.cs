using System.Diagnostics;
using Xunit.Abstractions;

namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// Shared measuring of the benchmarks (<c>Category=Benchmark</c>, run by deploy/local/bench.sh):
/// rounds in which every grain writes once, the next round starting when all are durable.
/// </summary>
public static class DurableWriteRate
{
    /// <summary>Writes per grain: <c>NONTAX_BENCH_ROUNDS</c>, default 20.</summary>
    public static int Rounds =>
        int.TryParse(Environment.GetEnvironmentVariable("NONTAX_BENCH_ROUNDS"), out var rounds) ? rounds : 20;

    /// <returns>Durable writes per second over all grains and rounds.</returns>
    public static async Task<double> MeasureAsync(int grains, int rounds, Func<int, IEnumerable<Task>> writeAll)
    {
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            await Task.WhenAll(writeAll(round));
        }

        return grains * rounds / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Prints the figure to the test log and to the console, where bench.sh picks it up.</summary>
    public static void Report(ITestOutputHelper output, string report)
    {
        output.WriteLine(report);
        Console.WriteLine(report);
    }
}
