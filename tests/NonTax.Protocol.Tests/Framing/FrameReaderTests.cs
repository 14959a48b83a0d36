using System.Buffers;
using System.Text;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Security;
using NonTax.Protocol.Tests.Support;

namespace NonTax.Protocol.Tests.Framing;

public class FrameReaderTests
{
    private static readonly byte[] Body = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"GBK\"?><CFX/>");

    private static byte[] ValidFrame(string msgNo = "2601") => FrameWriter.Write(msgNo, Body, Mac.Compute(Samples.Token, Body));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void Writer_pads_the_length_left_aligned_and_writes_upper_case_mac()
    {
        var frame = ValidFrame();
        var text = Encoding.ASCII.GetString(frame);

        var expectedLength = 23 + Body.Length + 64;
        Assert.Equal(expectedLength, frame.Length);
        Assert.Equal(expectedLength.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(8), text[..8]);
        Assert.Equal("CNNONTAX1.02601", text[8..23]);
        Assert.Equal(Mac.Compute(Samples.Token, Body), text[^64..]);
        Assert.Equal(text[^64..].ToUpperInvariant(), text[^64..]);
    }

    [Fact]
    public void Reads_a_complete_frame_and_consumes_exactly_it()
    {
        var frame = ValidFrame();
        var two = frame.Concat(ValidFrame("2612")).ToArray();
        var buffer = new ReadOnlySequence<byte>(two);

        var first = FrameReader.Default.TryRead(buffer, out var consumed);
        var second = FrameReader.Default.TryRead(buffer.Slice(consumed), out _);

        Assert.True(first.IsComplete);
        Assert.Equal("2601", first.Frame.MsgNo);
        Assert.Equal(Body, first.Frame.Body.ToArray());
        Assert.Equal(frame.Length, first.Frame.TotalLength);
        Assert.Equal(frame.Length, buffer.Slice(0, consumed).Length);
        Assert.True(second.IsComplete);
        Assert.Equal("2612", second.Frame.MsgNo);
    }

    [Fact]
    public void Needs_more_data_for_every_proper_prefix_and_consumes_nothing()
    {
        var frame = ValidFrame();
        for (var length = 0; length < frame.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(frame, 0, length);
            var result = FrameReader.Default.TryRead(buffer, out var consumed);
            Assert.Equal(FrameReadStatus.NeedMoreData, result.Status);
            Assert.Equal(buffer.Start, consumed);
        }
    }

    [Fact]
    public void Reads_a_frame_split_over_many_segments()
    {
        var frame = ValidFrame();
        var chunks = frame.Chunk(7).ToArray();

        var result = FrameReader.Default.TryRead(Segments.Of(chunks), out _);

        Assert.True(result.IsComplete);
        Assert.Equal(Body, result.Frame.Body.ToArray());
    }

    [Fact]
    public void Accepts_a_lower_case_mac_and_leading_spaces_in_the_length()
    {
        var frame = ValidFrame();
        var text = Encoding.ASCII.GetString(frame);
        var liberal = (" " + text[..8].TrimEnd()).PadRight(8) + text[8..^64] + text[^64..].ToLowerInvariant();

        var result = FrameReader.Default.TryRead(Ascii(liberal));

        Assert.True(result.IsComplete);
    }

    [Theory]
    [InlineData("abc", FrameError.LengthNotNumber)]
    [InlineData("12 3    ", FrameError.LengthNotNumber)]
    [InlineData("        ", FrameError.LengthNotNumber)]
    [InlineData("-100    ", FrameError.LengthNotNumber)]
    [InlineData("99999999CNNONTAX1.0", FrameError.TooLong)]
    [InlineData("50      CNNONTAX1.0", FrameError.TooShort)]
    [InlineData("200     CNNONTAX2.0", FrameError.BadHeader)]
    [InlineData("200     HTTP/1.1", FrameError.BadHeader)]
    [InlineData("200     CNNONTAX1.026a1", FrameError.MsgNoNotDigits)]
    public void Refuses_bad_headers_as_soon_as_the_bytes_show_it(string start, FrameError expected)
    {
        var result = FrameReader.Default.TryRead(Ascii(start));

        Assert.Equal(FrameReadStatus.Invalid, result.Status);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Refuses_a_mac_that_is_not_hex()
    {
        var frame = ValidFrame();
        frame[^1] = (byte)'g';

        Assert.Equal(FrameError.MacNotHex, FrameReader.Default.TryRead(frame).Error);
    }

    [Fact]
    public void Honours_a_configured_maximum()
    {
        var frame = ValidFrame();

        Assert.Equal(FrameError.TooLong, new FrameReader(frame.Length - 1).TryRead(frame).Error);
        Assert.True(new FrameReader(frame.Length).TryRead(frame).IsComplete);
    }
}
