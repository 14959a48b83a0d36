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

    /// <summary>
    /// Version 2 payload bound: the IPv6 address block (36) with room for every TLV a balancer
    /// sends in practice (unique id ≤ 128, authority, SSL with its certificate CN and cipher,
    /// CRC32C, AWS/Azure endpoint ids) many times over. Anything larger is refused as hostile
    /// (docs/operations.md "Load balancer").
    /// </summary>
    public const int MaxV2PayloadLength = 2048;

    /// <summary>PP2_TYPE_UNIQUE_ID may be at most 128 bytes (proxy-protocol.txt 2.2.5).</summary>
    public const int MaxUniqueIdLength = 128;

    private const byte TypeAuthority = 0x02;
    private const byte TypeCrc32C = 0x03;
    private const byte TypeUniqueId = 0x05;
    private const byte TypeSsl = 0x20;
    private const byte SubtypeSslVersion = 0x21;
    private const byte SubtypeSslCommonName = 0x22;
    private const byte SubtypeSslCipher = 0x23;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        var status = TryParseHeader(buffer, out consumed, out var header);
        source = header?.Source;
        return status;
    }

    /// <summary>
    /// As <see cref="TryParse(ReadOnlySequence{byte}, out int, out IPEndPoint?)"/>, with what a
    /// version 2 header's TLVs add (unique id, authority, TLS details); <paramref name="header"/> is
    /// null unless <see cref="ProxyHeaderStatus.Complete"/>. A TLV that overruns the payload, a
    /// CRC32C that does not match, an oversized unique id or text that is not UTF-8 make the header
    /// <see cref="ProxyHeaderStatus.Invalid"/>; PP2_TYPE_NOOP and unknown types are skipped.
    /// </summary>
    public static ProxyHeaderStatus TryParseHeader(ReadOnlySequence<byte> buffer, out int consumed, out ProxyHeader? header)
    {
        consumed = 0;
        header = null;
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
            return available < V2Signature.Length ? ProxyHeaderStatus.NeedMoreData : TryParseV2(buffer, out consumed, out header);
        }

        if (StartsWithPrefix(head, V1Prefix))
        {
            if (available < V1Prefix.Length)
            {
                return ProxyHeaderStatus.NeedMoreData;
            }

            var status = TryParseV1(buffer, out consumed, out var source);
            header = status == ProxyHeaderStatus.Complete ? new ProxyHeader(source) : null;
            return status;
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

    private static ProxyHeaderStatus TryParseV2(ReadOnlySequence<byte> buffer, out int consumed, out ProxyHeader? header)
    {
        consumed = 0;
        header = null;
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

        var command = versionCommand & 0x0F;
        if (command == 0x0)
        {
            // LOCAL: the balancer's own health check; the spec says to discard the whole block.
            consumed = 16 + payloadLength;
            header = ProxyHeader.None;
            return ProxyHeaderStatus.Complete;
        }

        if (command != 0x1)
        {
            return ProxyHeaderStatus.Invalid;
        }

        var whole = buffer.Slice(0, 16 + payloadLength).ToArray();
        var payload = whole.AsSpan(16);
        IPEndPoint? source;
        int addressLength;
        switch (family >> 4)
        {
            case 0x1 when payload.Length >= 12:
                source = new IPEndPoint(new IPAddress(payload[..4]), BinaryPrimitives.ReadUInt16BigEndian(payload[8..]));
                addressLength = 12;
                break;
            case 0x2 when payload.Length >= 36:
                source = new IPEndPoint(new IPAddress(payload[..16]), BinaryPrimitives.ReadUInt16BigEndian(payload[32..]));
                addressLength = 36;
                break;
            case 0x0:
                // UNSPEC: keep the socket's address; what follows has no defined layout, so it is not read.
                consumed = whole.Length;
                header = ProxyHeader.None;
                return ProxyHeaderStatus.Complete;
            default:
                return ProxyHeaderStatus.Invalid;
        }

        if (!TryReadTlvs(whole, 16 + addressLength, out var uniqueId, out var authority, out var ssl))
        {
            return ProxyHeaderStatus.Invalid;
        }

        consumed = whole.Length;
        header = new ProxyHeader(source, uniqueId, authority, ssl);
        return ProxyHeaderStatus.Complete;
    }

    /// <summary>
    /// The TLV vector from <paramref name="start"/> to the end of <paramref name="whole"/> (the
    /// whole header: the CRC32C covers it all). False when any TLV is malformed.
    /// </summary>
    private static bool TryReadTlvs(byte[] whole, int start, out byte[]? uniqueId, out string? authority, out ProxySslInfo? ssl)
    {
        uniqueId = null;
        authority = null;
        ssl = null;
        var crcSeen = false;
        var offset = start;
        while (offset < whole.Length)
        {
            if (!TryReadTlv(whole, offset, whole.Length, out var type, out var valueStart, out var length))
            {
                return false;
            }

            var value = whole.AsSpan(valueStart, length);
            switch (type)
            {
                case TypeCrc32C:
                    if (crcSeen || length != 4 || !ChecksumMatches(whole, valueStart))
                    {
                        return false;
                    }

                    crcSeen = true;
                    break;
                case TypeUniqueId:
                    if (uniqueId is not null || length > MaxUniqueIdLength)
                    {
                        return false;
                    }

                    uniqueId = value.ToArray();
                    break;
                case TypeAuthority:
                    if (authority is not null || !TryDecodeText(value, out authority))
                    {
                        return false;
                    }

                    break;
                case TypeSsl:
                    if (ssl is not null || !TryReadSsl(value, out ssl))
                    {
                        return false;
                    }

                    break;
                default:
                    // PP2_TYPE_NOOP (0x04), ALPN, NETNS, cloud providers' and custom types: skipped.
                    break;
            }

            offset = valueStart + length;
        }

        return true;
    }

    /// <summary>One type (1 byte) and length (2 bytes, big-endian) at <paramref name="offset"/>, its value within <paramref name="end"/>.</summary>
    private static bool TryReadTlv(ReadOnlySpan<byte> bytes, int offset, int end, out byte type, out int valueStart, out int length)
    {
        type = 0;
        valueStart = offset + 3;
        length = 0;
        if (end - offset < 3)
        {
            return false;
        }

        type = bytes[offset];
        length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 1)..]);
        return length <= end - valueStart;
    }

    /// <summary>CRC-32C of the whole header with the checksum's own 4 bytes taken as zero, against the value sent (network order).</summary>
    private static bool ChecksumMatches(byte[] whole, int valueStart)
    {
        var sent = BinaryPrimitives.ReadUInt32BigEndian(whole.AsSpan(valueStart, 4));
        var crc = Crc32C.Append(Crc32C.Initial, whole.AsSpan(0, valueStart));
        crc = Crc32C.Append(crc, [0, 0, 0, 0]);
        crc = Crc32C.Append(crc, whole.AsSpan(valueStart + 4));
        return Crc32C.Finish(crc) == sent;
    }

    /// <summary>PP2_TYPE_SSL: client flags (1), verify (4, big-endian), then sub-TLVs that must lie within it.</summary>
    private static bool TryReadSsl(ReadOnlySpan<byte> value, out ProxySslInfo? ssl)
    {
        ssl = null;
        if (value.Length < 5)
        {
            return false;
        }

        string? version = null, commonName = null, cipher = null;
        var offset = 5;
        while (offset < value.Length)
        {
            if (!TryReadTlv(value, offset, value.Length, out var type, out var valueStart, out var length))
            {
                return false;
            }

            var text = value.Slice(valueStart, length);
            var ok = type switch
            {
                SubtypeSslVersion => version is null && TryDecodeText(text, out version),
                SubtypeSslCommonName => commonName is null && TryDecodeText(text, out commonName),
                SubtypeSslCipher => cipher is null && TryDecodeText(text, out cipher),
                _ => true, // signature and key algorithms, or a later subtype: not used here
            };
            if (!ok)
            {
                return false;
            }

            offset = valueStart + length;
        }

        ssl = new ProxySslInfo(value[0], BinaryPrimitives.ReadUInt32BigEndian(value[1..]), version, commonName, cipher);
        return true;
    }

    /// <summary>Strict UTF-8 without control characters: the text reaches logs.</summary>
    private static bool TryDecodeText(ReadOnlySpan<byte> bytes, out string? text)
    {
        text = null;
        try
        {
            var decoded = StrictUtf8.GetString(bytes);
            if (decoded.Any(char.IsControl))
            {
                return false;
            }

            text = decoded;
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
