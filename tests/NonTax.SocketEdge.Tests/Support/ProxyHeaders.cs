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
}
