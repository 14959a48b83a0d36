using System.Diagnostics.Metrics;

namespace NonTax.SocketEdge.Transport;

/// <summary>Counts what the edge received, answered and refused, by reason, for operators' dashboards.</summary>
public sealed class EdgeMetrics : IDisposable
{
    public const string MeterName = "NonTax.SocketEdge";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _connections;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _answered;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _refusedByReason = new(StringComparer.Ordinal);
    private long _refusedTotal;

    public EdgeMetrics()
    {
        _connections = _meter.CreateCounter<long>("nontax.edge.connections");
        _refused = _meter.CreateCounter<long>("nontax.edge.refused");
        _answered = _meter.CreateCounter<long>("nontax.edge.answered");
    }

    /// <summary>Refusals since start, for the health endpoint and tests.</summary>
    public long RefusedTotal => Interlocked.Read(ref _refusedTotal);

    /// <summary>Refusals since start for one reason (a handful of fixed reasons, e.g. <c>connection-limit</c>, <c>read-timeout</c>).</summary>
    public long RefusedFor(string reason) => _refusedByReason.GetValueOrDefault(reason);

    public void ConnectionOpened() => _connections.Add(1);

    public void Refused(string reason)
    {
        Interlocked.Increment(ref _refusedTotal);
        _refusedByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);
        _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void Answered(string msgNo, string result) =>
        _answered.Add(1, new KeyValuePair<string, object?>("msgNo", msgNo), new KeyValuePair<string, object?>("result", result));

    public void Dispose() => _meter.Dispose();
}
