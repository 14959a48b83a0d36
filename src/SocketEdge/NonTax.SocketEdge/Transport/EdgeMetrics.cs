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
    private long _refusedTotal;

    public EdgeMetrics()
    {
        _connections = _meter.CreateCounter<long>("nontax.edge.connections");
        _refused = _meter.CreateCounter<long>("nontax.edge.refused");
        _answered = _meter.CreateCounter<long>("nontax.edge.answered");
    }

    /// <summary>Refusals since start, for the health endpoint and tests.</summary>
    public long RefusedTotal => Interlocked.Read(ref _refusedTotal);

    public void ConnectionOpened() => _connections.Add(1);

    public void Refused(string reason)
    {
        Interlocked.Increment(ref _refusedTotal);
        _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void Answered(string msgNo, string result) =>
        _answered.Add(1, new KeyValuePair<string, object?>("msgNo", msgNo), new KeyValuePair<string, object?>("result", result));

    public void Dispose() => _meter.Dispose();
}
