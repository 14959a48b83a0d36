using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Vouchers.Collection;

namespace NonTax.Protocol.Tests.Framing;

/// <summary>
/// Hostile input: random bytes and mutations of a valid frame always give a result or a clean
/// error, never an exception, and a changed body never passes the MAC.
/// </summary>
public class FrameFuzzProperties
{
    private static readonly byte[] ValidFrame = CnnontaxCodec.Default.Encode(
        Samples.Head("2601"), new NoticeQuery("32068225110100000001", 13, "验证码").ToVoucher(), Samples.Token, "320682", "1");

    private static readonly int BodyLength = ValidFrame.Length - FrameLayout.HeaderSize - FrameLayout.MacSize;

    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(b => (byte)b);

    private static bool Survives(byte[] bytes)
    {
        var codec = CnnontaxCodec.Default;
        var buffer = new ReadOnlySequence<byte>(bytes);
        var read = codec.TryReadFrame(buffer, out var consumed);
        _ = buffer.Slice(consumed);
        if (!read.IsComplete)
        {
            return read.Status is FrameReadStatus.NeedMoreData or FrameReadStatus.Invalid;
        }

        var decoded = codec.Decode(read.Frame);
        var macOk = codec.VerifyMac(read.Frame, [Samples.Token, Samples.OtherToken]);
        var bodyUnchanged = read.Frame.Body.Span.SequenceEqual(ValidFrame.AsSpan(FrameLayout.HeaderSize, BodyLength));
        return (decoded.IsSuccess || decoded.Error is not null) && (bodyUnchanged || !macOk);
    }

    [Fact]
    public void The_unmutated_frame_decodes()
    {
        var read = CnnontaxCodec.Default.TryReadFrame(new ReadOnlySequence<byte>(ValidFrame), out _);
        Assert.True(read.IsComplete);
        Assert.True(CnnontaxCodec.Default.Decode(read.Frame).IsSuccess);
    }

    [Property(MaxTest = 300)]
    public Property Random_bytes_never_throw() =>
        Prop.ForAll(Gen.ArrayOf(AnyByte).ToArbitrary(), bytes =>
            Survives(bytes) && EnvelopeReader.Parse(bytes).Error is not null);

    [Property(MaxTest = 300)]
    public Property Random_bytes_behind_a_valid_header_never_throw() =>
        Prop.ForAll(Gen.ArrayOf(AnyByte).ToArbitrary(), tail =>
        {
            var length = (23 + tail.Length + 64).ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(8);
            var bytes = Encoding.ASCII.GetBytes(length + "CNNONTAX1.02601").Concat(tail).Concat(Encoding.ASCII.GetBytes(new string('A', 64))).ToArray();
            return Survives(bytes);
        });

    [Property(MaxTest = 200)]
    public Property Truncation_never_throws() =>
        Prop.ForAll(Gen.Choose(0, ValidFrame.Length - 1).ToArbitrary(), length =>
            CnnontaxCodec.Default.TryReadFrame(new ReadOnlySequence<byte>(ValidFrame, 0, length), out _).Status == FrameReadStatus.NeedMoreData);

    [Property(MaxTest = 500)]
    public Property Bit_flips_never_throw_and_never_pass_the_mac_with_a_changed_body() =>
        Prop.ForAll(Gen.Choose(0, ValidFrame.Length - 1).ToArbitrary(), Gen.Choose(0, 7).ToArbitrary(), (position, bit) =>
        {
            var bytes = (byte[])ValidFrame.Clone();
            bytes[position] ^= (byte)(1 << bit);
            return Survives(bytes);
        });

    [Property(MaxTest = 500)]
    public Property Insertions_never_throw() =>
        Prop.ForAll(Gen.Choose(0, ValidFrame.Length).ToArbitrary(), AnyByte.ToArbitrary(), (position, value) =>
        {
            var bytes = ValidFrame.Take(position).Append(value).Concat(ValidFrame.Skip(position)).ToArray();
            return Survives(bytes);
        });

    [Property(MaxTest = 300)]
    public Property Body_mutations_reach_the_envelope_parser_without_throwing() =>
        Prop.ForAll(Gen.Choose(0, BodyLength - 1).ToArbitrary(), AnyByte.ToArbitrary(), (position, value) =>
        {
            var body = ValidFrame.AsSpan(FrameLayout.HeaderSize, BodyLength).ToArray();
            body[position] = value;
            var result = EnvelopeReader.Parse(body, "2601");
            return result.IsSuccess || result.Error is not null;
        });
}
