using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;

namespace NonTax.SocketEdge.Messages;

/// <summary>
/// What a handler answers: the reply message and its vouchers, the result code for the archive,
/// whether the reply is final (stored for resends of the same MsgID) and, for a token change,
/// the token that must sign the reply.
/// </summary>
public sealed record HandlerOutcome(string ReplyMsgNo, IReadOnlyList<Voucher> ReplyVouchers, string Result, bool IsFinal = true, string? SigningToken = null)
{
    /// <summary>The finance node's generic reply 5001 (OriMsgNo, Result, Information).</summary>
    public static HandlerOutcome Generic(string oriMsgNo, string result, string information = "", bool isFinal = true) =>
        new(MsgNos.FinanceReply, [GenericReply(oriMsgNo, result, information)], result, isFinal);

    public static Voucher GenericReply(string oriMsgNo, string result, string information) =>
        Voucher.FromFields([("OriMsgNo", oriMsgNo), ("Result", result), ("Information", information)]);
}
