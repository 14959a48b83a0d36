using System.Buffers;
using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Tests.Support;
using NonTax.SocketEdge.Tests.Support;
using NonTax.SocketEdge.Transport;

namespace NonTax.SocketEdge.Tests.Transport;

/// <summary>
/// Version 2 headers with random TLV vectors: a valid one round-trips, any truncation waits for
/// more, and any corruption is answered without an exception.
/// </summary>
public class ProxyHeaderTlvProperties
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(b => (byte)b);

    private static readonly Gen<string> Text =
        Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789.-_中银行".ToCharArray())).Select(c => new string(c));

    /// <summary>Types the parser skips: NOOP, ALPN, NETNS, cloud and custom ranges.</summary>
    private static readonly Gen<byte> SkippedType = Gen.Elements<byte>(0x01, 0x04, 0x30, 0xE0, 0xEA, 0xEE, 0xFF, 0x99);

    private sealed record Case(IPEndPoint Source, byte[]? UniqueId, string? Authority, ProxySslInfo? Ssl, (byte Type, byte[] Value)[] Others, bool Crc, int Seed)
    {
        public byte[] Bytes()
        {
            var tlvs = new List<(byte Type, byte[] Value)>(Others);
            // The known TLVs among the skipped ones, in an order the seed picks.
            var random = new Random(Seed);
            if (UniqueId is not null)
            {
                tlvs.Insert(random.Next(tlvs.Count + 1), (0x05, UniqueId));
            }

            if (Authority is not null)
            {
                tlvs.Insert(random.Next(tlvs.Count + 1), (0x02, Encoding.UTF8.GetBytes(Authority)));
            }

            if (Ssl is not null)
            {
                tlvs.Insert(random.Next(tlvs.Count + 1), (0x20, ProxyHeaders.Ssl(Ssl.Client, Ssl.Verify, Ssl.Version, Ssl.CommonName, Ssl.Cipher)));
            }

            return ProxyHeaders.V2WithTlvs(Source.Address, (ushort)Source.Port, IPAddress.Parse("10.0.0.1"), 9100, tlvs, Crc);
        }
    }

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));

    private static readonly Gen<Case> Cases =
        from v6 in Gen.Elements(false, true)
        from address in Gen.ArrayOf(AnyByte, v6 ? 16 : 4)
        from port in Gen.Choose(0, 65535)
        from uniqueIdLength in Gen.Choose(0, 128)
        from uniqueId in Maybe(Gen.ArrayOf(AnyByte, uniqueIdLength))
        from authority in Maybe(Text)
        from ssl in Maybe(
            from client in AnyByte
            from verify in Gen.Choose(0, 3)
            from version in Maybe(Text)
            from commonName in Maybe(Text)
            from cipher in Maybe(Text)
            select new ProxySslInfo(client, (uint)verify, version, commonName, cipher))
        from others in Gen.ArrayOf(
            from type in SkippedType
            from length in Gen.Choose(0, 40)
            from value in Gen.ArrayOf(AnyByte, length)
            select (type, value))
        from crc in Gen.Elements(false, true)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(new IPEndPoint(new IPAddress(address), port), uniqueId, authority, ssl, others.Take(8).ToArray(), crc, seed);

    [Property(MaxTest = 300)]
    public Property A_valid_header_with_random_tlvs_round_trips() =>
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(0, 64).ToArbitrary(), (c, cut) =>
        {
            var bytes = c.Bytes();
            var status = ProxyHeaderParser.TryParseHeader(Segments.Split([.. bytes, 0x39, 0x38], cut), out var consumed, out var header);
            return status == ProxyHeaderStatus.Complete
                && consumed == bytes.Length
                && c.Source.Equals(header!.Source)
                && (c.UniqueId is null ? header.UniqueId is null : c.UniqueId.AsSpan().SequenceEqual(header.UniqueId))
                && c.Authority == header.Authority
                && Equals(c.Ssl, header.Ssl);
        });

    [Property(MaxTest = 200)]
    public Property Any_truncation_needs_more_data() =>
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (c, pick) =>
        {
            var bytes = c.Bytes();
            var length = pick % bytes.Length;
            return ProxyHeaderParser.TryParseHeader(new ReadOnlySequence<byte>(bytes[..length]), out var consumed, out var header) == ProxyHeaderStatus.NeedMoreData
                && consumed == 0 && header is null;
        });

    /// <summary>Where to flip (modulo the length), which bits, and how many zero bytes follow.</summary>
    private static readonly Gen<(int Pick, byte Flip, int Extra)> Corruptions =
        from pick in Gen.Choose(0, int.MaxValue)
        from flip in AnyByte
        from extra in Gen.Choose(0, 3)
        select (pick, flip, extra);

    [Property(MaxTest = 500)]
    public Property Any_corruption_is_answered_without_an_exception() =>
        Prop.ForAll(Cases.ToArbitrary(), Corruptions.ToArbitrary(), (c, corruption) =>
        {
            var (pick, flip, extra) = corruption;
            var bytes = c.Bytes();
            var at = pick % bytes.Length;
            bytes[at] ^= flip == 0 ? (byte)1 : flip;
            byte[] corrupted = [.. bytes, .. new byte[extra]];
            var status = ProxyHeaderParser.TryParseHeader(new ReadOnlySequence<byte>(corrupted), out var consumed, out var header);
            var consistent = status == ProxyHeaderStatus.Complete
                ? consumed > 0 && consumed <= corrupted.Length && header is not null
                : consumed == 0 && header is null;
            // Under a checksum, a changed byte past the fixed part never passes unnoticed, unless it
            // is the checksum TLV's own type (then there is no checksum to check).
            var caught = !c.Crc || at < 16 || at == bytes.Length - 7 || status != ProxyHeaderStatus.Complete;
            return consistent && caught;
        });
}
