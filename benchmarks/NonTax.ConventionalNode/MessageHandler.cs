using System.Globalization;
using NonTax.Protocol;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Identifiers;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.Protocol.Vouchers.Common;

namespace NonTax.ConventionalNode;

/// <summary>
/// Checks a request in the protocol's order (SRC known, MAC, document, permission, DES), parses
/// its typed voucher and hands it to the ledger. Returns the signed reply, or null to close the
/// connection without one (nothing to sign a reply with).
/// </summary>
public sealed class MessageHandler(PeerTokens peers, ConventionalLedger ledger, string financeNode, TimeProvider time)
{
    private readonly CnnontaxCodec _codec = CnnontaxCodec.Default;
    private readonly MsgIdGenerator _msgIds = new(time, 900);

    public async Task<byte[]?> HandleAsync(RawFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var decoded = _codec.Decode(frame);
        if (decoded.Src is not { } src || peers.TokenOf(src) is not { } token)
        {
            return null;
        }

        var request = decoded.Envelope?.Head ?? Head.Request(src, financeNode, frame.MsgNo, decoded.MsgId ?? "0", Today());
        if (!_codec.VerifyMac(frame, [token]))
        {
            return Generic(request, token, new GenericReply(frame.MsgNo, ResultCodes.BadMac, "MAC does not verify"));
        }

        if (decoded.Envelope is not { } envelope)
        {
            return Generic(request, token, GenericReply.Refusal(frame.MsgNo, decoded.Error!));
        }

        var fromUnit = src.StartsWith('K');
        if (fromUnit != frame.MsgNo.StartsWith('8'))
        {
            return Generic(request, token, new GenericReply(frame.MsgNo, ResultCodes.NotAllowed, "not allowed for this peer"));
        }

        if (envelope.Head.Des != financeNode)
        {
            return Generic(request, token, new GenericReply(frame.MsgNo, ResultCodes.WrongDestination, "DES is not this node"));
        }

        var inbound = new Inbound(src, frame.MsgNo, request.MsgId, frame.Body.ToArray());
        var voucher = envelope.First.Voucher;
        switch (frame.MsgNo)
        {
            case "2612":
                var confirmation = PaymentConfirmation.Parse(voucher);
                return confirmation.TryGetValue(out var payment, out var paymentError)
                    ? await ledger.ConfirmAsync(inbound, payment, "5001", result => Generic(request, token, new GenericReply("2612", result)), cancellationToken)
                    : Generic(request, token, GenericReply.Refusal("2612", paymentError));
            case "2601":
                var query = NoticeQuery.Parse(voucher);
                return query.TryGetValue(out var asked, out var queryError)
                    ? await ledger.QueryAsync(inbound, asked.PayCode, "5603", details => Details(request, token, asked.PayCode, details), cancellationToken)
                    : Generic(request, token, GenericReply.Refusal("2601", queryError));
            case "8994":
                var issue = NoticeIssue.Parse(voucher);
                return issue.TryGetValue(out var notice, out var issueError)
                    ? await ledger.IssueAsync(inbound, notice, "5001", result => Generic(request, token, new GenericReply("8994", result)), cancellationToken)
                    : Generic(request, token, GenericReply.Refusal("8994", issueError));
            default:
                return Generic(request, token, new GenericReply(frame.MsgNo, ResultCodes.GeneralFailure, "not handled by the conventional node"));
        }
    }

    private byte[] Details(Head request, string token, string payCode, NoticeDetails? details) =>
        details is null
            ? Generic(request, token, new GenericReply("2601", ResultCodes.UnknownPayCode, "unknown payment code"))
            : _codec.Encode(Head.ReplyTo(request, "5603", _msgIds.Next(), Today()), details.ToVoucher(), token, financeNode[1..], payCode);

    private byte[] Generic(Head request, string token, GenericReply reply) =>
        _codec.Encode(Head.ReplyTo(request, "5001", _msgIds.Next(), Today()), reply.ToVoucher(), token, financeNode[1..], "1");

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>For logs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"conventional node {financeNode}");
}
