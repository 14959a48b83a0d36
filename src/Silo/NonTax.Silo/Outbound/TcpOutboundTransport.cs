using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Outbound;
using NonTax.Infrastructure.Messages;
using NonTax.Infrastructure.Peers;
using NonTax.Protocol;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Transport;
using NonTax.Protocol.Vouchers;

namespace NonTax.Silo.Outbound;

/// <summary>
/// Delivers a bank link's message: signs it with the peer's current token, sends it over a short
/// connection to the peer's server, checks the reply's MAC and that it answers this MsgID, and
/// archives both frames. The voucher is checked against its MsgNo's field table before it is
/// signed: an invalid message throws <see cref="InvalidOutboundMessageException"/> and is neither
/// archived nor sent. Any doubt about the answer is an exception, so the link retries with the
/// same MsgID (the peer is idempotent on it). Field names may be paths
/// (<c>Accounts/Account/AcctNo</c>): they become repeated groups, see <see cref="VoucherPaths"/>.
/// </summary>
public sealed class TcpOutboundTransport(PeerRegistry peers, MessageJournal journal, FinanceNodeIdentity financeNode, TimeProvider time) : IOutboundTransport
{
    public async Task<OutboundAnswer> SendAsync(string peerNodeCode, string msgNo, string msgId, string msgRef, IReadOnlyList<VoucherField> fields, CancellationToken cancellationToken)
    {
        var peer = await peers.FindAsync(peerNodeCode, cancellationToken)
            ?? throw new InvalidOperationException($"Peer {peerNodeCode} is not registered.");
        var endpoint = peer.Endpoint ?? throw new InvalidOperationException($"Peer {peerNodeCode} has no server endpoint.");
        var today = financeNode.Today(time);
        var head = Head.Request(financeNode.Code, peerNodeCode, msgNo, msgId, today) with { MsgRef = msgRef };
        var voucher = VoucherPaths.ToVoucher(fields.Select(f => (f.Name, f.Value)));
        var frame = CnnontaxCodec.Default.EncodeOutbound(head, voucher, peer.Token, financeNode.Region, peer.Kind);
        await journal.ArchiveAsync(new ArchivedFrame(ArchivedFrame.Outbound, peerNodeCode, endpoint.ToString(), msgNo, msgId, msgRef, null, null, frame), cancellationToken);

        var reply = await ShortConnectionClient.ExchangeAsync(endpoint.Host, endpoint.Port, frame, cancellationToken);
        var replyBytes = CnnontaxCodec.Default.ToBytes(reply);
        var decoded = CnnontaxCodec.Default.Decode(reply);
        var macOk = CnnontaxCodec.Default.VerifyMac(reply, peer.TokensValidAt(time.GetUtcNow()));
        var result = decoded.Envelope?.First.Voucher["Result"];
        var information = decoded.Envelope?.First.Voucher["Information"];
        var problem = !macOk ? "reply MAC does not verify"
            : decoded.Error is not null ? $"reply unreadable: {decoded.Error}"
            : decoded.Envelope!.Head.MsgRef != msgId ? $"reply answers MsgID {decoded.Envelope.Head.MsgRef}, not {msgId}"
            : string.IsNullOrEmpty(result) ? "reply has no Result"
            : null;
        await journal.ArchiveAsync(new ArchivedFrame(ArchivedFrame.Inbound, peerNodeCode, endpoint.ToString(), reply.MsgNo, decoded.MsgId, decoded.Envelope?.Head.MsgRef, result, problem, replyBytes), CancellationToken.None);
        if (problem is not null)
        {
            throw new IOException($"{peerNodeCode}: {problem}");
        }

        return new OutboundAnswer(result!, information);
    }
}
