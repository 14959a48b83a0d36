using System.Diagnostics.CodeAnalysis;
using NonTax.Protocol.Results;

namespace NonTax.Protocol.Envelope;

/// <summary>
/// Outcome of decoding a frame body. On failure, <see cref="Src"/> and <see cref="MsgId"/> are set
/// when the document was well-formed enough to read them: the caller can then look up that peer's
/// token and answer a signed 20001; otherwise it closes the connection without a reply.
/// </summary>
public sealed record DecodeResult(CfxEnvelope? Envelope, ProtocolError? Error, string? Src, string? MsgId)
{
    /// <summary>True when <see cref="Envelope"/> is present.</summary>
    [MemberNotNullWhen(true, nameof(Envelope))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Envelope is not null;

    /// <summary>
    /// True when a field-level error still let us read a SRC, so the peer can be looked up and
    /// answered (after its MAC verifies).
    /// </summary>
    [MemberNotNullWhen(true, nameof(Src))]
    public bool SrcKnown => Src is not null;

    internal static DecodeResult Success(CfxEnvelope envelope) => new(envelope, null, envelope.Head.Src, envelope.Head.MsgId);

    internal static DecodeResult Failure(ProtocolError error, string? src = null, string? msgId = null) => new(null, error, src, msgId);
}
