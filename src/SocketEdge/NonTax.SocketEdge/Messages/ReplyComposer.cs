using Microsoft.Extensions.Options;
using NonTax.Infrastructure.Messages;
using NonTax.Protocol;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Time;
using NonTax.Protocol.Vouchers;

namespace NonTax.SocketEdge.Messages;

/// <summary>Builds signed reply frames from this finance node: its own MsgID, MsgRef = the request's MsgID, WorkDate in China time.</summary>
public sealed class ReplyComposer(IOptions<EdgeOptions> options, EdgeMessageIds messageIds, TimeProvider time)
{
    private readonly string _financeNode = options.Value.FinanceNode;

    public ComposedReply Compose(Head request, string replyMsgNo, IReadOnlyList<Voucher> vouchers, string token)
    {
        var today = ChinaTime.Today(time);
        var msgId = messageIds.Next();
        var head = new Head(_financeNode, request.Src, replyMsgNo, msgId, request.MsgId, today);
        var region = _financeNode.Length > 1 ? _financeNode[1..] : string.Empty;
        var bodies = vouchers
            .Select((voucher, index) => new VoucherBody(region, today.Year.ToString("D4"), replyMsgNo, (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), voucher))
            .ToList();
        var body = CnnontaxCodec.Default.WriteBody(head, bodies);
        return new ComposedReply(head, body, CnnontaxCodec.Default.Sign(replyMsgNo, body, token));
    }

    /// <summary>Signs a stored reply again with the peer's current token (it may have changed since).</summary>
    public ComposedReply Resign(StoredReply stored, string token)
    {
        var head = CnnontaxCodec.Default.DecodeBody(stored.ReplyBody, stored.ReplyMsgNo).Envelope?.Head
            ?? throw new InvalidOperationException("A stored reply no longer parses.");
        return new ComposedReply(head, stored.ReplyBody, CnnontaxCodec.Default.Sign(stored.ReplyMsgNo, stored.ReplyBody, token));
    }
}
