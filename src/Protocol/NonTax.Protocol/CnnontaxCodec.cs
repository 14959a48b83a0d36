using System.Buffers;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Nodes;
using NonTax.Protocol.Security;
using NonTax.Protocol.Vouchers;

namespace NonTax.Protocol;

/// <summary>
/// The one CNNONTAX codec entry point — frame, envelope and MAC, both ways — for the socket edge,
/// the silo's outbound links and the bank simulator: cut frames from a pipe, decode and
/// authenticate them, and build signed frames. Nothing outside this library assembles
/// <c>FrameWriter</c>, <c>EnvelopeWriter</c> and <c>Mac</c> itself. No method throws on bad input
/// from the wire; errors are values. Encoding throws <see cref="ArgumentException"/> for input
/// that should have been refused when it entered the system (e.g. a character GBK cannot encode).
/// </summary>
/// <example>
/// Server side, in a Pipelines read loop, following the specification's order of checks:
/// <code>
/// var codec = CnnontaxCodec.Default;
/// var read = codec.TryReadFrame(result.Buffer, out var consumed);
/// reader.AdvanceTo(consumed, result.Buffer.End);
/// if (read.Status == FrameReadStatus.NeedMoreData) continue;      // keep reading (with a timeout)
/// if (!read.IsComplete) return;                                     // close without reply
/// var decoded = codec.Decode(read.Frame);
/// if (!decoded.IsSuccess &amp;&amp; !decoded.SrcKnown) return;           // close without reply
/// var tokens = peers.TokensOf(decoded.Src!);                        // current (+ previous during grace)
/// if (!codec.VerifyMac(read.Frame, tokens)) { /* reply 5001 90001 */ }
/// if (!decoded.IsSuccess) { /* reply 5001 GenericReply.Refusal(frame.MsgNo, decoded.Error) */ }
/// var query = NoticeQuery.Parse(decoded.Envelope.First.Voucher);   // typed voucher, or a 20001 error
/// ...
/// var replyHead = Head.ReplyTo(decoded.Envelope.Head, MsgNos.NoticeDetails, msgIds.Next(), today);
/// var bytes = codec.Encode(replyHead, [new VoucherBody("320682", "2025", "5603", payCode, details.ToVoucher())], token);
/// </code>
/// </example>
public sealed class CnnontaxCodec
{
    private readonly FrameReader _reader;

    /// <param name="maxFrameLength">Largest acceptable frame (ours: 4 MiB).</param>
    public CnnontaxCodec(int maxFrameLength = FrameLayout.DefaultMaxFrameLength) => _reader = new FrameReader(maxFrameLength);

    /// <summary>A codec with the default limits.</summary>
    public static CnnontaxCodec Default { get; } = new();

    /// <summary>Largest acceptable frame in bytes.</summary>
    public int MaxFrameLength => _reader.MaxFrameLength;

    /// <summary>
    /// Cuts one frame from the start of <paramref name="buffer"/>. <paramref name="consumed"/> is just
    /// past the frame when complete, else <c>buffer.Start</c>; pass <c>buffer.End</c> as examined.
    /// </summary>
    public FrameReadResult TryReadFrame(ReadOnlySequence<byte> buffer, out SequencePosition consumed) =>
        _reader.TryRead(buffer, out consumed);

    /// <summary>
    /// Parses the frame's CFX body and every voucher in it; checks HEAD/MsgNo equals the frame's.
    /// Does not verify the MAC (the peer is known only once SRC is read): call <see cref="VerifyMac"/> next.
    /// </summary>
    public DecodeResult Decode(RawFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return EnvelopeReader.Parse(frame.Body.Span, frame.MsgNo);
    }

    /// <summary>Parses a CFX body kept apart from its frame (a stored reply).</summary>
    public DecodeResult DecodeBody(ReadOnlySpan<byte> body, string msgNo) => EnvelopeReader.Parse(body, msgNo);

    /// <summary>The frame's bytes exactly as they travelled, for the archive.</summary>
    public byte[] ToBytes(RawFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return FrameWriter.Write(frame.MsgNo, frame.Body.Span, frame.Mac);
    }

    /// <summary>True when the frame's MAC verifies under any of <paramref name="tokens"/> (either hex case).</summary>
    public bool VerifyMac(RawFrame frame, IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Mac.Verify(frame.Mac, frame.Body.Span, tokens);
    }

    /// <summary>Builds the signed frame bytes for a message.</summary>
    /// <exception cref="ArgumentException">Invalid head, no voucher, or text GBK cannot encode.</exception>
    public byte[] Encode(Head head, IReadOnlyList<VoucherBody> vouchers, string token)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Sign(head.MsgNo, WriteBody(head, vouchers), token);
    }

    /// <summary>The CFX body of a message, before it is signed (the edge stores it to answer a resend).</summary>
    public byte[] WriteBody(Head head, IReadOnlyList<VoucherBody> vouchers) => EnvelopeWriter.Write(head, vouchers);

    /// <summary>Frames a written body with its MAC under <paramref name="token"/>.</summary>
    public byte[] Sign(string msgNo, ReadOnlySpan<byte> body, string token) => FrameWriter.Write(msgNo, body, Mac.Compute(token, body));

    /// <summary>
    /// Builds a message this node originates: one voucher, checked against its MsgNo's field table
    /// first (<see cref="OutboundVoucher.Check"/>), so an invalid message is never signed or sent.
    /// </summary>
    /// <exception cref="InvalidOutboundMessageException">The voucher breaks a field rule.</exception>
    public byte[] EncodeOutbound(Head head, Voucher voucher, string token, string admDivCode, NodeKind? peer = null)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Encode(head, OutboundVoucher.Check(head.MsgNo, voucher, peer), token, admDivCode, "1");
    }

    /// <summary>
    /// Builds a one-voucher message from ordered name/value pairs, the shape in which the silo
    /// describes outbound instructions. VtCode is the MsgNo and StYear the WorkDate's year.
    /// </summary>
    public byte[] Encode(Head head, IReadOnlyList<(string Name, string Value)> fields, string token, string admDivCode, string voucherNo)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Encode(head, Voucher.FromFields(fields), token, admDivCode, voucherNo);
    }

    /// <summary>Builds a one-voucher message; VtCode is the MsgNo and StYear the WorkDate's year.</summary>
    public byte[] Encode(Head head, Voucher voucher, string token, string admDivCode, string voucherNo)
    {
        ArgumentNullException.ThrowIfNull(head);
        var stYear = head.WorkDate.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        return Encode(head, [new VoucherBody(admDivCode, stYear, head.MsgNo, voucherNo, voucher)], token);
    }
}
