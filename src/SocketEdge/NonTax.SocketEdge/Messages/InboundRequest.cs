using System.Net;
using NonTax.Infrastructure.Peers;
using NonTax.Protocol.Envelope;

namespace NonTax.SocketEdge.Messages;

/// <summary>A request that passed every check of the edge (peer, MAC, permission, DES, idempotency) and is ready for business handling.</summary>
public sealed record InboundRequest(Peer Peer, CfxEnvelope Envelope, IPEndPoint Remote)
{
    public Head Head => Envelope.Head;
}
