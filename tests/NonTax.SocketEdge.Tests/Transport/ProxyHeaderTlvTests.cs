using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Text;
using NonTax.SocketEdge.Tests.Support;
using NonTax.SocketEdge.Transport;

namespace NonTax.SocketEdge.Tests.Transport;

/// <summary>The TLVs after a version 2 header's addresses: read, checked and bounded (docs/operations.md "Load balancer").</summary>
public class ProxyHeaderTlvTests
{
    private static readonly IPAddress Bank = IPAddress.Parse("192.0.2.7");
    private static readonly IPAddress Edge = IPAddress.Parse("10.0.0.1");

    private static (ProxyHeaderStatus Status, int Consumed, ProxyHeader? Header) Parse(byte[] bytes)
    {
        var status = ProxyHeaderParser.TryParseHeader(new ReadOnlySequence<byte>(bytes), out var consumed, out var header);
        return (status, consumed, header);
    }

    private static byte[] Header(bool crc, params (byte Type, byte[] Value)[] tlvs) => ProxyHeaders.V2WithTlvs(Bank, 40000, Edge, 9100, tlvs, crc);

    [Fact]
    public void The_checksum_is_crc32c_castagnoli() =>
        Assert.Equal(0xE3069283u, ProxyHeaders.Crc32C("123456789"u8));

    [Fact]
    public void Unique_id_authority_and_tls_details_are_read_under_a_valid_checksum()
    {
        var uniqueId = Enumerable.Range(1, 128).Select(i => (byte)i).ToArray();
        var header = Header(
            crc: true,
            (0x04, new byte[7]), // NOOP padding
            (0x05, uniqueId),
            (0x02, Encoding.UTF8.GetBytes("edge.nontax.example")),
            (0xE1, [1, 2, 3]), // a custom type the edge does not know
            (0x20, ProxyHeaders.Ssl(0x07, 0, "TLSv1.3", "中国建设银行如皋支行", "TLS_AES_256_GCM_SHA384")));

        var (status, consumed, parsed) = Parse([.. header, .. "986     CNNONTAX"u8.ToArray()]);

        Assert.Equal(ProxyHeaderStatus.Complete, status);
        Assert.Equal(header.Length, consumed);
        Assert.Equal(new IPEndPoint(Bank, 40000), parsed!.Source);
        Assert.Equal(uniqueId, parsed.UniqueId);
        Assert.Equal(Convert.ToHexString(uniqueId), parsed.UniqueIdHex);
        Assert.Equal("edge.nontax.example", parsed.Authority);
        Assert.Equal(new ProxySslInfo(0x07, 0, "TLSv1.3", "中国建设银行如皋支行", "TLS_AES_256_GCM_SHA384"), parsed.Ssl);
        Assert.True(parsed.Ssl!.ClientCertificateVerified);
    }

    [Fact]
    public void A_header_without_tlvs_has_none_of_them() =>
        Assert.Equal(new ProxyHeader(new IPEndPoint(Bank, 40000)), Parse(Header(crc: false)).Header);

    [Fact]
    public void A_wrong_checksum_is_invalid()
    {
        var header = Header(true, (0x05, [1, 2, 3]));
        header[^1] ^= 0x01;
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(header).Status);

        var changedUnderIt = Header(true, (0x05, [1, 2, 3]));
        changedUnderIt[19] ^= 0x01; // a byte of the source address, covered by the checksum
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(changedUnderIt).Status);
    }

    [Fact]
    public void A_tlv_running_past_the_payload_is_invalid()
    {
        var header = Header(false, (0x05, [1, 2, 3]));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(16 + 12 + 1), 4);
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(header).Status);
    }

    [Fact]
    public void A_partial_tlv_header_at_the_end_is_invalid()
    {
        var header = ProxyHeaders.V2(Bank, 40000, Edge, 9100);
        byte[] withTail = [.. header, 0x04, 0x00];
        BinaryPrimitives.WriteUInt16BigEndian(withTail.AsSpan(14), (ushort)(withTail.Length - 16));
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(withTail).Status);
    }

    [Fact]
    public void An_ssl_sub_tlv_running_past_its_parent_is_invalid()
    {
        var ssl = ProxyHeaders.Ssl(0x01, 0, "TLSv1.2", null, null);
        BinaryPrimitives.WriteUInt16BigEndian(ssl.AsSpan(6), 8);
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(Header(false, (0x20, ssl))).Status);
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(Header(false, (0x20, [0x01, 0, 0]))).Status);
    }

    [Theory]
    [InlineData(0x03, new byte[] { 1, 2, 3 })] // a checksum that is not 4 bytes
    [InlineData(0x02, new byte[] { 0xFF, 0xFE })] // authority that is not UTF-8
    [InlineData(0x02, new byte[] { 0x61, 0x0A, 0x62 })] // authority with a line break, bound for the logs
    public void Malformed_known_tlvs_are_invalid(byte type, byte[] value) =>
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(Header(false, (type, value))).Status);

    [Fact]
    public void A_unique_id_longer_than_128_bytes_is_invalid() =>
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(Header(false, (0x05, new byte[129]))).Status);

    [Fact]
    public void Two_checksums_or_two_unique_ids_are_invalid()
    {
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(Header(false, (0x05, [1]), (0x05, [2]))).Status);
        var twice = Header(true, (0x03, new byte[4]));
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(twice).Status);
    }

    [Fact]
    public void The_payload_may_reach_2_KiB_and_no_further()
    {
        var atLimit = Header(false, (0x04, new byte[ProxyHeaderParser.MaxV2PayloadLength - 12 - 3]));
        Assert.Equal(16 + ProxyHeaderParser.MaxV2PayloadLength, atLimit.Length);
        Assert.Equal(ProxyHeaderStatus.Complete, Parse(atLimit).Status);

        var over = Header(false, (0x04, new byte[ProxyHeaderParser.MaxV2PayloadLength - 12 - 3 + 1]));
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(over).Status);
        // Refused from the fixed part alone, before the payload is waited for.
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(over[..16]).Status);
    }

    [Fact]
    public void A_LOCAL_header_with_tlvs_is_discarded_whole()
    {
        var header = Header(false, (0x05, [1, 2, 3]));
        header[12] = 0x20;
        var (status, consumed, parsed) = Parse(header);
        Assert.Equal(ProxyHeaderStatus.Complete, status);
        Assert.Equal(header.Length, consumed);
        Assert.Equal(ProxyHeader.None, parsed);
    }
}
