using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NonTax.BankSimulator.Load;

/// <summary>What a load run measured, printed as a table for people and one JSON line for scripts.</summary>
public sealed record LoadResult(LoadOptions Options, IReadOnlyList<MessageTypeStatistics> Types, TimeSpan Measured, bool PoolExhausted, long Reconnects)
{
    public LedgerVerdict? Ledger { get; init; }

    public double Rate(MessageTypeStatistics type) =>
        Measured.TotalSeconds > 0 ? type.Latency().Count / Measured.TotalSeconds : 0;

    public string ToJson()
    {
        var types = new JsonArray();
        foreach (var type in Types)
        {
            var latency = type.Latency();
            var results = new JsonObject();
            foreach (var (code, count) in type.Results.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                results[code] = count;
            }

            types.Add(new JsonObject
            {
                ["type"] = type.Label,
                ["count"] = latency.Count,
                ["rate"] = Math.Round(Rate(type), 1),
                ["p50"] = Math.Round(latency.P50, 2),
                ["p95"] = Math.Round(latency.P95, 2),
                ["p99"] = Math.Round(latency.P99, 2),
                ["max"] = Math.Round(latency.Max, 2),
                ["errors"] = type.Errors,
                ["results"] = results,
            });
        }

        var json = new JsonObject
        {
            ["label"] = Options.Label,
            ["mode"] = Options.Rate is null ? "closed" : "open",
            ["concurrency"] = Options.Concurrency,
            ["offeredRate"] = Options.Rate,
            ["connections"] = Options.Persistent ? "persistent" : "short",
            ["measuredSeconds"] = Math.Round(Measured.TotalSeconds, 2),
            ["poolExhausted"] = PoolExhausted,
            ["reconnects"] = Reconnects,
            ["types"] = types,
        };
        if (Ledger is { } ledger)
        {
            json["ledger"] = new JsonObject
            {
                ["holds"] = ledger.Holds,
                ["revenueChecked"] = ledger.RevenueChecked,
                ["refundsChecked"] = ledger.RefundsChecked,
                ["missing"] = ledger.Missing.Count,
                ["violations"] = ledger.Violations.Count,
                ["examples"] = new JsonArray([.. ledger.Violations.Concat(ledger.Missing).Take(5).Select(e => JsonValue.Create(e))]),
            };
        }

        return json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void WriteTable(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var mode = Options.Rate is { } rate ? $"open loop at {rate.ToString("0.#", CultureInfo.InvariantCulture)}/s" : $"closed loop, {Options.Concurrency} clients";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Options.Label}: {mode}, {(Options.Persistent ? "persistent" : "short")} connections, measured {Measured.TotalSeconds:0.0} s{(PoolExhausted ? " (pool ran out)" : string.Empty)}"));
        output.WriteLine($"{"type",-16} {"count",8} {"rate/s",9} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"max ms",9}  answers");
        foreach (var type in Types)
        {
            var l = type.Latency();
            var answers = string.Join(" ", type.Results.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}×{r.Value}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type.Label,-16} {l.Count,8} {Rate(type),9:0.0} {l.P50,9:0.0} {l.P95,9:0.0} {l.P99,9:0.0} {l.Max,9:0.0}  {answers}"));
        }

        if (Ledger is { } ledger)
        {
            output.WriteLine(ledger.Holds
                ? $"ledger: holds ({ledger.RevenueChecked} confirmations stored once as revenue, {ledger.RefundsChecked} duplicates with one technical refund each)"
                : $"ledger: BROKEN — {ledger.Violations.Count} violations, {ledger.Missing.Count} missing; e.g. {string.Join("; ", ledger.Violations.Concat(ledger.Missing).Take(3))}");
        }
    }
}
