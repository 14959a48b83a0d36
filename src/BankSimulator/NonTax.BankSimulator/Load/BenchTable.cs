using System.Globalization;
using System.Text.Json.Nodes;

namespace NonTax.BankSimulator.Load;

/// <summary>
/// The one table of <c>deploy/local/bench.sh</c>: the system's and the baseline's load runs side by
/// side with <c>pgbench -N</c> on the same PostgreSQL, from the runs' JSON lines. Runs are labelled
/// <c>system/PATH</c> and <c>baseline/PATH</c>.
/// </summary>
public sealed class BenchTable(IReadOnlyList<JsonObject> runs, double pgbenchTps)
{
    public static BenchTable Read(string jsonLinesFile, double pgbenchTps) =>
        new([.. File.ReadLines(jsonLinesFile).Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!.AsObject())], pgbenchTps);

    /// <summary>The measured rate of the (last) run with this label's main type, 0 if absent.</summary>
    public double RateOf(string label) => Main(label)?["rate"]?.GetValue<double>() ?? 0;

    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var paths = runs.Select(r => Path(r["label"]!.GetValue<string>())).Distinct().ToList();
        output.WriteLine($"{"path",-22} {"system/s",9} {"baseline/s",10} {"pgbench",8} {"sys:pgb",8} {"sys:base",8} {"system p50/p99 ms",18} {"baseline p50/p99 ms",20}  errors sys/base");
        foreach (var path in paths)
        {
            var system = Main("system/" + path);
            var baseline = Main("baseline/" + path);
            var systemRate = system?["rate"]?.GetValue<double>() ?? 0;
            var baselineRate = baseline?["rate"]?.GetValue<double>() ?? 0;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{path,-22} {systemRate,9:0} {baselineRate,10:0} {pgbenchTps,8:0} {Ratio(systemRate, pgbenchTps),8} {Ratio(systemRate, baselineRate),8} {Latency(system),18} {Latency(baseline),20}  {Errors(system)}/{Errors(baseline)}"));
        }

        foreach (var run in runs.Where(r => r["ledger"] is not null))
        {
            var ledger = run["ledger"]!;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"ledger {run["label"]}: {(ledger["holds"]!.GetValue<bool>() ? "holds" : "BROKEN")} ({ledger["revenueChecked"]} revenue, {ledger["refundsChecked"]} refunds checked; {ledger["violations"]} violations, {ledger["missing"]} missing)"));
        }
    }

    private JsonObject? Main(string label) =>
        runs.LastOrDefault(r => r["label"]!.GetValue<string>() == label)?["types"]?.AsArray().OfType<JsonObject>().MaxBy(t => t["count"]!.GetValue<long>());

    private static string Path(string label) => label[(label.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static string Ratio(double value, double of) => of > 0 ? (value / of).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "-";

    private static string Latency(JsonObject? type) =>
        type is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{type["p50"]!.GetValue<double>():0.0}/{type["p99"]!.GetValue<double>():0.0}");

    private static string Errors(JsonObject? type) => type is null ? "-" : type["errors"]!.ToString();
}
