using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace NonTax.SocketEdge.Tests.Support;

/// <summary>PROXY protocol headers as a balancer writes them.</summary>
internal static class ProxyHeaders
{
    public static readonly byte[] V2Signature = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    public static byte[] V1(string line) => Encoding.ASCII.GetBytes(line + "\r\n");

    /// <summary>Version 2, command PROXY (0x21) or LOCAL (0x20), TCP over the addresses' family.</summary>
    public static byte[] V2(IPAddress source, ushort sourcePort, IPAddress destination, ushort destinationPort, bool local = false)
    {
        var sourceBytes = source.GetAddressBytes();
        var destinationBytes = destination.GetAddressBytes();
        var payload = new byte[sourceBytes.Length * 2 + 4];
        sourceBytes.CopyTo(payload, 0);
        destinationBytes.CopyTo(payload, sourceBytes.Length);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(sourceBytes.Length * 2), sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(sourceBytes.Length * 2 + 2), destinationPort);
        var family = sourceBytes.Length == 4 ? (byte)0x11 : (byte)0x21;
        var header = new byte[16];
        V2Signature.CopyTo(header, 0);
        header[12] = local ? (byte)0x20 : (byte)0x21;
        header[13] = family;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(14), (ushort)payload.Length);
        return [.. header, .. payload];
    }

    /// <summary>
    /// Version 2 PROXY over IPv4 or IPv6 with <paramref name="tlvs"/> after the addresses, and a
    /// PP2_TYPE_CRC32C TLV last when <paramref name="crc"/> (its value computed as a balancer does:
    /// CRC-32C, Castagnoli, over the whole header with the checksum field zero).
    /// </summary>
    public static byte[] V2WithTlvs(IPAddress source, ushort sourcePort, IPAddress destination, ushort destinationPort, IEnumerable<(byte Type, byte[] Value)> tlvs, bool crc = false)
    {
        var header = new List<byte>(V2(source, sourcePort, destination, destinationPort));
        foreach (var (type, value) in tlvs)
        {
            header.AddRange(Tlv(type, value));
        }

        if (crc)
        {
            header.AddRange(Tlv(0x03, new byte[4]));
        }

        var bytes = header.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(14), (ushort)(bytes.Length - 16));
        if (crc)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(bytes.Length - 4), Crc32C(bytes));
        }

        return bytes;
    }

    public static byte[] Tlv(byte type, byte[] value)
    {
        var tlv = new byte[3 + value.Length];
        tlv[0] = type;
        BinaryPrimitives.WriteUInt16BigEndian(tlv.AsSpan(1), (ushort)value.Length);
        value.CopyTo(tlv, 3);
        return tlv;
    }

    /// <summary>PP2_TYPE_SSL's value: client flags, verify result, then sub-TLVs (version 0x21, CN 0x22, cipher 0x23).</summary>
    public static byte[] Ssl(byte client, uint verify, string? version, string? commonName, string? cipher)
    {
        var value = new List<byte> { client, 0, 0, 0, 0 };
        BinaryPrimitives.WriteUInt32BigEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(value)[1..], verify);
        foreach (var (type, text) in new[] { ((byte)0x21, version), ((byte)0x22, commonName), ((byte)0x23, cipher) })
        {
            if (text is not null)
            {
                value.AddRange(Tlv(type, Encoding.UTF8.GetBytes(text)));
            }
        }

        return value.ToArray();
    }

    /// <summary>Bitwise CRC-32C, written apart from the edge's table-driven one so that each checks the other.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }

        return ~crc;
    }
}
