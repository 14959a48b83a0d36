using System.Globalization;
using System.Text;

namespace NonTax.Protocol.Framing;

/// <summary>
/// Builds frame bytes exactly as the specification draws them ("be strict in what you send"):
/// left-aligned space-padded length, <c>CNNONTAX1.0</c>, the MsgNo, the body, upper-case hex MAC.
/// </summary>
public static class FrameWriter
{
    /// <summary>Assembles a frame.</summary>
    /// <param name="msgNo">Four ASCII digits.</param>
    /// <param name="body">The GBK XML body, exactly the bytes the MAC was computed over.</param>
    /// <param name="mac">64 hex characters; written upper-case.</param>
    /// <exception cref="ArgumentException">An argument does not fit the frame layout.</exception>
    public static byte[] Write(string msgNo, ReadOnlySpan<byte> body, string mac)
    {
        ArgumentNullException.ThrowIfNull(msgNo);
        ArgumentNullException.ThrowIfNull(mac);
        if (msgNo.Length != FrameLayout.MsgNoSize || !msgNo.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("MsgNo must be four ASCII digits.", nameof(msgNo));
        }

        if (mac.Length != FrameLayout.MacSize || !mac.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("MAC must be 64 hex characters.", nameof(mac));
        }

        if (body.IsEmpty)
        {
            throw new ArgumentException("Body must not be empty.", nameof(body));
        }

        var length = FrameLayout.HeaderSize + body.Length + FrameLayout.MacSize;
        if (length > FrameLayout.MaxExpressibleLength)
        {
            throw new ArgumentException("Body is too large for the 8-digit length field.", nameof(body));
        }

        var frame = new byte[length];
        var span = frame.AsSpan();
        Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture).PadRight(FrameLayout.LengthFieldSize), span);
        FrameLayout.AppAndVersion.CopyTo(span[FrameLayout.LengthFieldSize..]);
        Encoding.ASCII.GetBytes(msgNo, span[(FrameLayout.HeaderSize - FrameLayout.MsgNoSize)..]);
        body.CopyTo(span[FrameLayout.HeaderSize..]);
        Encoding.ASCII.GetBytes(mac.ToUpperInvariant(), span[(length - FrameLayout.MacSize)..]);
        return frame;
    }
}
