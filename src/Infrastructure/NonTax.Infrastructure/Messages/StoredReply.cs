namespace NonTax.Infrastructure.Messages;

/// <summary>The reply given to one (SRC, MsgID), kept so a resend gets the same answer.</summary>
/// <param name="BodySha256">Hash of the request body: the same MsgID with another body is refused 20002.</param>
/// <param name="ReplyMsgNo">5001, 5603, 5997…</param>
/// <param name="ReplyBody">The reply's XML body; re-signed with the peer's current token when sent again.</param>
/// <param name="Result">The result code the reply carried.</param>
public sealed record StoredReply(byte[] BodySha256, string ReplyMsgNo, byte[] ReplyBody, string Result)
{
    /// <summary>Same bytes in every field (record equality compares the arrays by reference).</summary>
    public bool HasSameContent(StoredReply other) =>
        BodySha256.AsSpan().SequenceEqual(other.BodySha256)
        && string.Equals(ReplyMsgNo, other.ReplyMsgNo, StringComparison.Ordinal)
        && ReplyBody.AsSpan().SequenceEqual(other.ReplyBody)
        && string.Equals(Result, other.Result, StringComparison.Ordinal);
}
