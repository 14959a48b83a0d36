using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NonTax.SocketEdge.Transport;

/// <summary>
/// Reads the PROXY protocol header (HAProxy versions 1 and 2) that a TCP load balancer puts in
/// front of the bank's bytes. Behind a balancer the socket's peer is the balancer itself; the
/// bank's real address is only known from this header, and the per-peer allow-list must be
/// applied to that address.
/// </summary>
public static class ProxyHeaderParser
{
    /// <summary>Version 1 lines are at most 107 bytes including CRLF.</summary>
    private const int MaxV1Length = 107;

    /// <summary>Version 2 address blocks are small; anything larger is hostile.</summary>
    private const int MaxV2PayloadLength = 536;

    private static ReadOnlySpan<byte> V2Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];
    private static ReadOnlySpan<byte> V1Prefix => "PROXY "u8;

    /// <summary>
    /// Tries to read one header from the start of <paramref name="buffer"/>.
    /// </summary>
    /// <returns>
    /// <see cref="ProxyHeaderStatus.NeedMoreData"/> when the buffer holds only a prefix of a header,
    /// <see cref="ProxyHeaderStatus.Invalid"/> when it is not a valid header, else
    /// <see cref="ProxyHeaderStatus.Complete"/> with <paramref name="consumed"/> bytes to skip and
    /// the source endpoint (null for LOCAL / UNKNOWN, meaning "use the socket's address").
    /// </returns>
    public static ProxyHeaderStatus TryParse(ReadOnlySequence<byte> buffer, out int consumed, out IPEndPoint? source)
    {
        consumed = 0;
        source = null;
        if (buffer.IsEmpty)
        {
            return ProxyHeaderStatus.NeedMoreData;
        }

        Span<byte> head = stackalloc byte[16];
        var available = (int)Math.Min(buffer.Length, head.Length);
        buffer.Slice(0, available).CopyTo(head);
        head = head[..available];

        if (StartsWithPrefix(head, V2Signature))
        {
            return available < V2Signature.Length ? ProxyHeaderStatus.NeedMoreData : TryParseV2(buffer, out consumed, out source);
        }

        if (StartsWithPrefix(head, V1Prefix))
        {
            return available < V1Prefix.Length ? ProxyHeaderStatus.NeedMoreData : TryParseV1(buffer, out consumed, out source);
        }

        return ProxyHeaderStatus.Invalid;
    }

    /// <summary>True when <paramref name="head"/> agrees with <paramref name="prefix"/> as far as both go.</summary>
    private static bool StartsWithPrefix(ReadOnlySpan<byte> head, ReadOnlySpan<byte> prefix)
    {
        var n = Math.Min(head.Length, prefix.Length);
        return n > 0 && head[..n].SequenceEqual(prefix[..n]);
    }

    private static ProxyHeaderStatus TryParseV1(ReadOnlySequence<byte> buffer, out int consumed, out IPEndPoint? source)
    {
        consumed = 0;
        source = null;
        var window = buffer.Slice(0, Math.Min(buffer.Length, MaxV1Length));
        var lineEnd = window.PositionOf((byte)'\n');
        if (lineEnd is null)
        {
            return window.Length >= MaxV1Length ? ProxyHeaderStatus.Invalid : ProxyHeaderStatus.NeedMoreData;
        }

        var lineLength = (int)buffer.Slice(0, lineEnd.Value).Length;
        if (lineLength < 1)
        {
            return ProxyHeaderStatus.Invalid;
        }

        var line = Encoding.ASCII.GetString(buffer.Slice(0, lineLength).ToArray());
        if (!line.EndsWith('\r'))
        {
            return ProxyHeaderStatus.Invalid;
        }

        var parts = line[..^1].Split(' ');
        consumed = lineLength + 1;
        if (parts.Length >= 2 && parts[1] == "UNKNOWN")
        {
            return ProxyHeaderStatus.Complete; // The balancer could not tell; whatever follows is ignored, as the spec says.
        }

        var family = parts.Length > 1 && parts[1] == "TCP4" ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        if (parts.Length != 6 || (parts[1] != "TCP4" && parts[1] != "TCP6")
            || !TryParseAddress(parts[2], family, out var sourceAddress)
            || !TryParseAddress(parts[3], family, out _)
            || !TryParsePort(parts[4], out var sourcePort)
            || !TryParsePort(parts[5], out _))
        {
            consumed = 0;
            return ProxyHeaderStatus.Invalid;
        }

        source = new IPEndPoint(sourceAddress, sourcePort);
        return ProxyHeaderStatus.Complete;
    }

    /// <summary>
    /// Only the address forms the spec allows: IPAddress.TryParse alone would also take "1" or
    /// "0x7f.1" for IPv4, and an IPv6 address after TCP4.
    /// </summary>
    private static bool TryParseAddress(string text, AddressFamily family, out IPAddress address)
    {
        if (!IPAddress.TryParse(text, out address!) || address.AddressFamily != family)
        {
            return false;
        }

        return family != AddressFamily.InterNetwork || address.ToString() == text;
    }

    /// <summary>Decimal digits only (no sign, no spaces), 0–65535.</summary>
    private static bool TryParsePort(string text, out ushort port) =>
        ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && text.Length <= 5;

    private static ProxyHeaderStatus TryParseV2(ReadOnlySequence<byte> buffer, out int consumed, out IPEndPoint? source)
    {
        consumed = 0;
        source = null;
        if (buffer.Length < 16)
        {
            return ProxyHeaderStatus.NeedMoreData;
        }

        Span<byte> fixedPart = stackalloc byte[16];
        buffer.Slice(0, 16).CopyTo(fixedPart);
        var versionCommand = fixedPart[12];
        var family = fixedPart[13];
        var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(fixedPart[14..]);
        if ((versionCommand >> 4) != 2 || payloadLength > MaxV2PayloadLength)
        {
            return ProxyHeaderStatus.Invalid;
        }

        if (buffer.Length < 16 + payloadLength)
        {
            return ProxyHeaderStatus.NeedMoreData;
        }

        var payload = buffer.Slice(16, payloadLength).ToArray();
        consumed = 16 + payloadLength;
        var command = versionCommand & 0x0F;
        if (command == 0x0)
        {
            return ProxyHeaderStatus.Complete; // LOCAL: the balancer's own health check.
        }

        if (command != 0x1)
        {
            consumed = 0;
            return ProxyHeaderStatus.Invalid;
        }

        switch (family >> 4)
        {
            case 0x1 when payload.Length >= 12:
                source = new IPEndPoint(new IPAddress(payload.AsSpan(0, 4)), BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(8)));
                return ProxyHeaderStatus.Complete;
            case 0x2 when payload.Length >= 36:
                source = new IPEndPoint(new IPAddress(payload.AsSpan(0, 16)), BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(32)));
                return ProxyHeaderStatus.Complete;
            case 0x0:
                return ProxyHeaderStatus.Complete; // UNSPEC: keep the socket's address.
            default:
                consumed = 0;
                return ProxyHeaderStatus.Invalid;
        }
    }
}
