namespace NonTax.Protocol.Framing;

/// <summary>
/// A complete frame cut from the stream, not yet interpreted: its message number, its body bytes
/// (the GBK XML document exactly as received, which the MAC covers) and its MAC text.
/// </summary>
/// <param name="MsgNo">The 4-digit message number of the frame header.</param>
/// <param name="Body">The body bytes, a copy owned by this frame.</param>
/// <param name="Mac">The 64 hex characters as received (either case).</param>
/// <param name="TotalLength">The frame's byte length, equal to its length field.</param>
public sealed record RawFrame(string MsgNo, ReadOnlyMemory<byte> Body, string Mac, int TotalLength);
