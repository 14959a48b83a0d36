using System.Collections.Concurrent;
using System.Net;
using NonTax.Protocol.Framing;
using NonTax.SocketEdge.Transport;

namespace NonTax.SocketEdge.Tests.Support;

/// <summary>Stands in for the real processor: records what the transport hands over and answers a fixed reply.</summary>
internal sealed class RecordingFrameProcessor(byte[]? reply) : IFrameProcessor
{
    public ConcurrentQueue<(RawFrame Frame, IPEndPoint Remote)> Processed { get; } = new();

    public ConcurrentQueue<(IPEndPoint Remote, string Reason)> Unreadable { get; } = new();

    public Task<byte[]?> ProcessAsync(RawFrame frame, IPEndPoint remote, CancellationToken cancellationToken)
    {
        Processed.Enqueue((frame, remote));
        return Task.FromResult(reply);
    }

    public Task RecordUnreadableAsync(IPEndPoint remote, string reason, ReadOnlyMemory<byte> prefix, CancellationToken cancellationToken)
    {
        Unreadable.Enqueue((remote, reason));
        return Task.CompletedTask;
    }
}
