using System.Collections.Concurrent;

namespace NonTax.BankSimulator.Load;

/// <summary>
/// What happened to one message type inside the measured window: latencies of answered requests
/// and answers by result code. A run lasts minutes, so keeping every sample is affordable and
/// gives exact percentiles.
/// </summary>
public sealed class MessageTypeStatistics(LoadOperation operation)
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentDictionary<string, long> _results = new(StringComparer.Ordinal);

    public LoadOperation Operation => operation;

    /// <summary>The message number and what it does, e.g. <c>2612 duplicate</c>.</summary>
    public string Label => Describe(operation);

    /// <summary>The answers this operation expects; anything else counts as an error.</summary>
    public IReadOnlySet<string> Expected => operation == LoadOperation.Duplicate ? DuplicateAnswers : SuccessAnswers;

    private static readonly HashSet<string> SuccessAnswers = ["00000"];
    private static readonly HashSet<string> DuplicateAnswers = ["10006"];

    public static string Describe(LoadOperation operation) => operation switch
    {
        LoadOperation.Issue => "8994 issue",
        LoadOperation.Query => "2601 query",
        LoadOperation.Confirm => "2612 confirm",
        _ => "2612 duplicate",
    };

    /// <summary>Result codes as answered (00000, 10006…), or <c>io</c> when no reply came back.</summary>
    public IReadOnlyDictionary<string, long> Results => _results;

    public void Record(string result, double latencyMs)
    {
        _latencies.Enqueue(latencyMs);
        _results.AddOrUpdate(result, 1, (_, n) => n + 1);
    }

    public LatencySummary Latency() => LatencySummary.Of(_latencies.ToArray());

    /// <summary>Answers other than the ones this operation expects (10006 is expected for a duplicate).</summary>
    public long Errors => _results.Where(r => !Expected.Contains(r.Key)).Sum(r => r.Value);
}
