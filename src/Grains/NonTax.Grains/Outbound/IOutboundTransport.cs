using NonTax.Grains.Abstractions.Outbound;

namespace NonTax.Grains.Outbound;

/// <summary>
/// Sends one message to a peer over a short connection and returns the peer's generic reply.
/// The silo implements it with TCP and the CNNONTAX codec; tests replace it. It throws when no
/// answer came back (refused connection, timeout, bad reply), which the link treats as "retry".
/// </summary>
public interface IOutboundTransport
{
    Task<OutboundAnswer> SendAsync(string peerNodeCode, string msgNo, string msgId, string msgRef, IReadOnlyList<VoucherField> fields, CancellationToken cancellationToken);
}
