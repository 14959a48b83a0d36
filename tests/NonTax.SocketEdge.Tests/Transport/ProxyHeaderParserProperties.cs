using System.Buffers;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Tests.Support;
using NonTax.SocketEdge.Tests.Support;
using NonTax.SocketEdge.Transport;

namespace NonTax.SocketEdge.Tests.Transport;

/// <summary>Whatever a balancer or an attacker sends before the frame, the parser answers and never throws.</summary>
public class ProxyHeaderParserProperties
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(b => (byte)b);

    private static readonly byte[][] Prefixes =
    [
        [],
        "PROXY "u8.ToArray(),
        "PROXY TCP4 "u8.ToArray(),
        ProxyHeaders.V2Signature,
        ProxyHeaders.V2(IPAddress.Parse("192.0.2.7"), 1, IPAddress.Parse("10.0.0.1"), 2)[..16],
    ];

    private static bool Answers(byte[] bytes, int cut)
    {
        var status = ProxyHeaderParser.TryParse(Segments.Split(bytes, cut), out var consumed, out var source);
        return status switch
        {
            ProxyHeaderStatus.Complete => consumed > 0 && consumed <= bytes.Length,
            _ => consumed == 0 && source is null,
        };
    }

    [Property(MaxTest = 500)]
    public Property Any_bytes_never_throw() =>
        Prop.ForAll(Gen.ArrayOf(AnyByte).ToArbitrary(), Gen.Choose(0, 64).ToArbitrary(), (bytes, cut) => Answers(bytes, cut));

    [Property(MaxTest = 500)]
    public Property Any_bytes_after_a_header_prefix_never_throw() =>
        Prop.ForAll(Gen.Elements(Prefixes).ToArbitrary(), Gen.ArrayOf(AnyByte).ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(),
            (prefix, tail, cut) => Answers([.. prefix, .. tail], cut));

    [Property(MaxTest = 200)]
    public Property Any_v4_source_survives_a_v1_round_trip() =>
        Prop.ForAll(Gen.ArrayOf(AnyByte, 4).ToArbitrary(), Gen.Choose(0, 65535).ToArbitrary(), (address, port) =>
        {
            var source = new IPEndPoint(new IPAddress(address), port);
            var header = ProxyHeaders.V1($"PROXY TCP4 {source.Address} 10.0.0.1 {port} 9100");
            return ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(header), out var consumed, out var parsed) == ProxyHeaderStatus.Complete
                && consumed == header.Length && source.Equals(parsed);
        });
}
