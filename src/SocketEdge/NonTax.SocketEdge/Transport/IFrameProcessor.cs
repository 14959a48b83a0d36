using System.Net;
using NonTax.Protocol.Framing;

namespace NonTax.SocketEdge.Transport;

/// <summary>Turns one inbound frame into the reply to write back, or null to close without a reply.</summary>
public interface IFrameProcessor
{
    Task<byte[]?> ProcessAsync(RawFrame frame, IPEndPoint remote, CancellationToken cancellationToken);

    /// <summary>Called for bytes that never formed a frame (bad length, header, oversize, stalled read), for the archive.</summary>
    Task RecordUnreadableAsync(IPEndPoint remote, string reason, ReadOnlyMemory<byte> prefix, CancellationToken cancellationToken);
}
