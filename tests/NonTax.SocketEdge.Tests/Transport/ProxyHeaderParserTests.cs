using System.Buffers;
using System.Net;
using System.Text;
using NonTax.Protocol.Tests.Support;
using NonTax.SocketEdge.Tests.Support;
using NonTax.SocketEdge.Transport;

namespace NonTax.SocketEdge.Tests.Transport;

public class ProxyHeaderParserTests
{
    private static readonly byte[] FrameStart = Encoding.ASCII.GetBytes("986     CNNONTAX1.02002<?xml");

    private static (ProxyHeaderStatus Status, int Consumed, IPEndPoint? Source) Parse(ReadOnlySequence<byte> buffer)
    {
        var status = ProxyHeaderParser.TryParse(buffer, out var consumed, out var source);
        return (status, consumed, source);
    }

    private static (ProxyHeaderStatus Status, int Consumed, IPEndPoint? Source) Parse(byte[] bytes) => Parse(new ReadOnlySequence<byte>(bytes));

    [Fact]
    public void V1_TCP4_gives_the_source_and_consumes_exactly_the_line()
    {
        var header = ProxyHeaders.V1("PROXY TCP4 192.0.2.7 10.0.0.1 40000 9100");
        var (status, consumed, source) = Parse([.. header, .. FrameStart]);
        Assert.Equal(ProxyHeaderStatus.Complete, status);
        Assert.Equal(header.Length, consumed);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 40000), source);
    }

    [Fact]
    public void V1_TCP6_gives_the_source()
    {
        var (status, _, source) = Parse(ProxyHeaders.V1("PROXY TCP6 2001:db8::7 2001:db8::1 40000 9100"));
        Assert.Equal(ProxyHeaderStatus.Complete, status);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::7"), 40000), source);
    }

    [Theory]
    [InlineData("PROXY UNKNOWN")]
    [InlineData("PROXY UNKNOWN ffff:f...f:ffff ffff:f...f:ffff 65535 65535")]
    public void V1_UNKNOWN_completes_without_a_source(string line)
    {
        var header = ProxyHeaders.V1(line);
        var (status, consumed, source) = Parse([.. header, .. FrameStart]);
        Assert.Equal(ProxyHeaderStatus.Complete, status);
        Assert.Equal(header.Length, consumed);
        Assert.Null(source);
    }

    [Theory]
    [InlineData("PROXY TCP4 2001:db8::7 10.0.0.1 40000 9100")] // IPv6 address after TCP4
    [InlineData("PROXY TCP6 192.0.2.7 10.0.0.1 40000 9100")] // IPv4 address after TCP6
    [InlineData("PROXY TCP4 1 10.0.0.1 40000 9100")] // an address IPAddress.TryParse alone accepts
    [InlineData("PROXY TCP4 192.0.2.7 10.0.0.1 +40 9100")]
    [InlineData("PROXY TCP4 192.0.2.7 10.0.0.1 65536 9100")]
    [InlineData("PROXY TCP4 192.0.2.7 10.0.0.1 40000")]
    [InlineData("PROXY UDP4 192.0.2.7 10.0.0.1 40000 9100")]
    [InlineData("PROXY ")]
    public void V1_malformed_lines_are_invalid(string line) =>
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(ProxyHeaders.V1(line)).Status);

    [Fact]
    public void V1_line_without_CR_is_invalid() =>
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(Encoding.ASCII.GetBytes("PROXY TCP4 192.0.2.7 10.0.0.1 40000 9100\n")).Status);

    [Fact]
    public void V1_line_longer_than_107_bytes_without_end_is_invalid() =>
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(Encoding.ASCII.GetBytes("PROXY TCP6 " + new string('1', 120))).Status);

    [Fact]
    public void V2_PROXY_IPv4_gives_the_source_and_consumes_the_header()
    {
        var header = ProxyHeaders.V2(IPAddress.Parse("192.0.2.7"), 40000, IPAddress.Parse("10.0.0.1"), 9100);
        var (status, consumed, source) = Parse([.. header, .. FrameStart]);
        Assert.Equal(ProxyHeaderStatus.Complete, status);
        Assert.Equal(header.Length, consumed);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 40000), source);
    }

    [Fact]
    public void V2_PROXY_IPv6_gives_the_source()
    {
        var header = ProxyHeaders.V2(IPAddress.Parse("2001:db8::7"), 40000, IPAddress.Parse("2001:db8::1"), 9100);
        var (status, consumed, source) = Parse(header);
        Assert.Equal(ProxyHeaderStatus.Complete, status);
        Assert.Equal(header.Length, consumed);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::7"), 40000), source);
    }

    [Fact]
    public void V2_LOCAL_completes_without_a_source()
    {
        var header = ProxyHeaders.V2(IPAddress.Parse("192.0.2.7"), 40000, IPAddress.Parse("10.0.0.1"), 9100, local: true);
        var (status, consumed, source) = Parse(header);
        Assert.Equal(ProxyHeaderStatus.Complete, status);
        Assert.Equal(header.Length, consumed);
        Assert.Null(source);
    }

    [Fact]
    public void V2_with_a_wrong_version_or_oversized_payload_is_invalid()
    {
        var header = ProxyHeaders.V2(IPAddress.Parse("192.0.2.7"), 40000, IPAddress.Parse("10.0.0.1"), 9100);
        var wrongVersion = (byte[])header.Clone();
        wrongVersion[12] = 0x11;
        var oversized = (byte[])header.Clone();
        oversized[14] = 0xFF;
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(wrongVersion).Status);
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(oversized).Status);
    }

    public static TheoryData<byte[]> Headers() =>
    [
        ProxyHeaders.V1("PROXY TCP4 192.0.2.7 10.0.0.1 40000 9100"),
        ProxyHeaders.V1("PROXY TCP6 2001:db8::7 2001:db8::1 40000 9100"),
        ProxyHeaders.V2(IPAddress.Parse("192.0.2.7"), 40000, IPAddress.Parse("10.0.0.1"), 9100),
        ProxyHeaders.V2(IPAddress.Parse("2001:db8::7"), 40000, IPAddress.Parse("2001:db8::1"), 9100),
    ];

    [Theory]
    [MemberData(nameof(Headers))]
    public void Every_proper_prefix_needs_more_data(byte[] header)
    {
        for (var length = 0; length < header.Length; length++)
        {
            Assert.Equal(ProxyHeaderStatus.NeedMoreData, Parse(header[..length]).Status);
        }
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void A_header_split_across_segments_reads_as_a_whole(byte[] header)
    {
        var whole = Parse([.. header, .. FrameStart]);
        for (var cut = 1; cut < header.Length; cut++)
        {
            var split = Parse(Segments.Split([.. header, .. FrameStart], 1, cut, cut + 1));
            Assert.Equal(whole, split);
        }
    }

    [Theory]
    [InlineData("986     CNNONTAX1.02002")] // a bank's frame sent straight to a balancer-only path
    [InlineData("GET / HTTP/1.1")]
    [InlineData("proxy TCP4 192.0.2.7 10.0.0.1 40000 9100")]
    public void Anything_else_is_invalid(string text) =>
        Assert.Equal(ProxyHeaderStatus.Invalid, Parse(Encoding.ASCII.GetBytes(text)).Status);
}
