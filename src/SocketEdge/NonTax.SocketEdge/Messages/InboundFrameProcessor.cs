using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NonTax.Infrastructure.Messages;
using NonTax.Infrastructure.Peers;
using NonTax.Protocol;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Nodes;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using NonTax.SocketEdge.Transport;

namespace NonTax.SocketEdge.Messages;

/// <summary>
/// Applies the order of checks of docs/protocol.md to one frame: parse → peer by SRC → address
/// allow-list → MAC with the peer's valid tokens → permission for this MsgNo → DES → (SRC, MsgID)
/// idempotency → business handler. Refusals before the peer is known get no reply (nothing to
/// sign it with); later ones get a signed 5001. Every frame in and out is archived, and a final
/// reply is stored for (SRC, MsgID) in the same transaction, before it is sent. The journal
/// group-commits: that transaction and the lookup are shared with other connections' messages.
/// </summary>
public sealed class InboundFrameProcessor : IFrameProcessor
{
    private readonly PeerRegistry _peers;
    private readonly MessageJournal _journal;
    private readonly ReplyComposer _composer;
    private readonly EdgeMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundFrameProcessor> _logger;
    private readonly EdgeOptions _options;
    private readonly Dictionary<string, IMessageHandler> _handlers;
    private readonly LostSiloRetry _retry;

    public InboundFrameProcessor(
        PeerRegistry peers,
        MessageJournal journal,
        ReplyComposer composer,
        IEnumerable<IMessageHandler> handlers,
        EdgeMetrics metrics,
        IOptions<EdgeOptions> options,
        TimeProvider time,
        ILogger<InboundFrameProcessor> logger,
        NonTax.Infrastructure.Client.ClusterConnectionState? cluster = null)
    {
        _peers = peers;
        _journal = journal;
        _composer = composer;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _retry = new LostSiloRetry(_options, time, logger, cluster is null ? null : () => cluster.IsConnected);
        _handlers = handlers.SelectMany(h => h.HandledMsgNos.Select(n => (n, h))).ToDictionary(p => p.n, p => p.h, StringComparer.Ordinal);
    }

    public async Task<byte[]?> ProcessAsync(RawFrame frame, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var raw = CnnontaxCodec.Default.ToBytes(frame);
        var decoded = CnnontaxCodec.Default.Decode(frame);
        var src = decoded.Src;
        var peer = src is null ? null : await _peers.FindAsync(src, cancellationToken);
        if (peer is null || !peer.Enabled)
        {
            var reason = decoded.Error?.ToString() ?? (peer is null ? "unknown peer" : "peer disabled");
            return await DropAsync(raw, remote, src, decoded.MsgId, frame.MsgNo, reason, cancellationToken);
        }

        if (!peer.AllowsAddress(remote.Address))
        {
            return await DropAsync(raw, remote, src, decoded.MsgId, frame.MsgNo, $"address {remote.Address} not allowed for {peer.NodeCode}", cancellationToken);
        }

        if (!CnnontaxCodec.Default.VerifyMac(frame, peer.TokensValidAt(_time.GetUtcNow())))
        {
            return await RefuseAsync(raw, remote, peer, decoded, frame.MsgNo, ResultCodes.BadMac, "MAC does not verify", cancellationToken);
        }

        if (!decoded.IsSuccess)
        {
            return await RefuseAsync(raw, remote, peer, decoded, frame.MsgNo, decoded.Error!.ResultCode, decoded.Error.Information, cancellationToken);
        }

        var envelope = decoded.Envelope!;
        var head = envelope.Head;
        if (!NodeCode.TryParse(peer.NodeCode, out var nodeCode) || !MessagePermissions.MaySend(nodeCode, head.MsgNo))
        {
            return await RefuseAsync(raw, remote, peer, decoded, frame.MsgNo, ResultCodes.NotAllowed, $"{peer.NodeCode} may not send {head.MsgNo}", cancellationToken);
        }

        if (!_handlers.TryGetValue(head.MsgNo, out var handler))
        {
            // Allowed by the catalogue but not handled here yet: not stored, so a resend is served once it is.
            return await RefuseAsync(raw, remote, peer, decoded, frame.MsgNo, ResultCodes.GeneralFailure, $"message {head.MsgNo} is not handled by this finance node", cancellationToken);
        }

        if (!string.Equals(head.Des, _options.FinanceNode, StringComparison.Ordinal))
        {
            return await RefuseAsync(raw, remote, peer, decoded, frame.MsgNo, ResultCodes.WrongDestination, $"DES {head.Des} is not {_options.FinanceNode}", cancellationToken);
        }

        var bodyHash = SHA256.HashData(frame.Body.Span);
        var stored = await _journal.FindReplyAsync(peer.NodeCode, head.MsgId, cancellationToken);
        if (stored is not null)
        {
            return stored.BodySha256.AsSpan().SequenceEqual(bodyHash)
                ? await ResendAsync(raw, remote, peer, head, stored, cancellationToken)
                : await RefuseAsync(raw, remote, peer, decoded, frame.MsgNo, ResultCodes.MsgIdReused, $"MsgID {head.MsgId} was used for another message", cancellationToken);
        }

        HandlerOutcome outcome;
        try
        {
            outcome = await _retry.RunAsync(handler, new InboundRequest(peer, envelope, remote), cancellationToken);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not final: the bank may resend the same MsgID and it will be processed again.
            _logger.LogError(exception, "Handling {MsgNo} {MsgId} from {Peer} failed", head.MsgNo, head.MsgId, peer.NodeCode);
            outcome = HandlerOutcome.Generic(head.MsgNo, ResultCodes.GeneralFailure, "general failure, please resend later", isFinal: false);
        }

        var reply = _composer.Compose(head, outcome.ReplyMsgNo, outcome.ReplyVouchers, outcome.SigningToken ?? peer.Token);
        var toStore = outcome.IsFinal ? new StoredReply(bodyHash, outcome.ReplyMsgNo, reply.Body, outcome.Result) : null;
        var winner = await _journal.RecordExchangeAsync(
            Inbound(raw, remote, peer.NodeCode, head, outcome.Result, null),
            Outbound(reply, remote, peer.NodeCode, outcome.Result),
            peer.NodeCode,
            head.MsgId,
            toStore,
            CancellationToken.None);
        _metrics.Answered(head.MsgNo, outcome.Result);

        // Another edge node answered the same (SRC, MsgID) first: give the bank that answer, not ours.
        if (winner is not null && !ReferenceEquals(winner, toStore))
        {
            return _composer.Resign(winner, peer.Token).Frame;
        }

        return reply.Frame;
    }

    public async Task RecordUnreadableAsync(IPEndPoint remote, string reason, ReadOnlyMemory<byte> prefix, CancellationToken cancellationToken) =>
        await _journal.ArchiveAsync(new ArchivedFrame(ArchivedFrame.Inbound, null, remote.ToString(), null, null, null, null, reason, prefix), CancellationToken.None);

    private async Task<byte[]?> DropAsync(byte[] raw, IPEndPoint remote, string? src, string? msgId, string msgNo, string reason, CancellationToken cancellationToken)
    {
        _metrics.Refused("unknown-peer-or-unparsable");
        _logger.LogWarning("Frame {MsgNo} from {Remote} (SRC {Src}) dropped without reply: {Reason}", msgNo, remote, src ?? "?", reason);
        await _journal.ArchiveAsync(new ArchivedFrame(ArchivedFrame.Inbound, src, remote.ToString(), msgNo, msgId, null, null, reason, raw), CancellationToken.None);
        return null;
    }

    private async Task<byte[]> RefuseAsync(byte[] raw, IPEndPoint remote, Peer peer, DecodeResult decoded, string msgNo, string result, string information, CancellationToken cancellationToken)
    {
        _metrics.Refused(result);
        _logger.LogWarning("Frame {MsgNo} {MsgId} from {Peer} refused {Result}: {Information}", msgNo, decoded.MsgId, peer.NodeCode, result, information);
        var requestHead = decoded.Envelope?.Head
            ?? Head.Request(peer.NodeCode, _options.FinanceNode, msgNo, decoded.MsgId ?? string.Empty, ChinaTime.Today(_time));
        var reply = _composer.Compose(requestHead, MsgNos.FinanceReply, [HandlerOutcome.GenericReply(msgNo, result, information)], peer.Token);
        await _journal.RecordExchangeAsync(
            Inbound(raw, remote, peer.NodeCode, requestHead, result, information),
            Outbound(reply, remote, peer.NodeCode, result),
            null,
            null,
            null,
            CancellationToken.None);
        return reply.Frame;
    }

    private async Task<byte[]> ResendAsync(byte[] raw, IPEndPoint remote, Peer peer, Head head, StoredReply stored, CancellationToken cancellationToken)
    {
        var reply = _composer.Resign(stored, peer.Token);
        await _journal.RecordExchangeAsync(
            Inbound(raw, remote, peer.NodeCode, head, stored.Result, "resend: stored reply returned"),
            Outbound(reply, remote, peer.NodeCode, stored.Result),
            null,
            null,
            null,
            CancellationToken.None);
        _metrics.Answered(head.MsgNo, stored.Result);
        return reply.Frame;
    }

    private static ArchivedFrame Inbound(byte[] raw, IPEndPoint remote, string peer, Head head, string? result, string? note) =>
        new(ArchivedFrame.Inbound, peer, remote.ToString(), head.MsgNo, head.MsgId, head.MsgRef, result, note, raw);

    private static ArchivedFrame Outbound(ComposedReply reply, IPEndPoint remote, string peer, string result) =>
        new(ArchivedFrame.Outbound, peer, remote.ToString(), reply.Head.MsgNo, reply.Head.MsgId, reply.Head.MsgRef, result, null, reply.Frame);
}
