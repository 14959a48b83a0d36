using System.Buffers;
using System.Reflection;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Vouchers;

namespace NonTax.Protocol.Fuzz;

/// <summary>
/// One fuzz input through every decoder a bank's bytes reach, the way the edge drives them: the
/// frame reader (whole, and cut in two segments as a pipe delivers it), the envelope parser and
/// the MAC check, then every typed voucher parser on every voucher found — and the same bytes
/// taken directly as a CFX body and as one voucher's XML. The decoders promise never to throw on
/// input from the wire (errors are values), so any exception escaping here is a finding.
/// </summary>
public static class ProtocolFuzzTarget
{
    private static readonly string[] Tokens = ["0123456789abcdef0123456789ABCDEF"];

    /// <summary>Parse methods of every typed voucher of the protocol library.</summary>
    public static IReadOnlyList<(string Name, Func<Voucher, bool> Parse)> VoucherParsers { get; } = FindVoucherParsers();

    public static void Run(ReadOnlySpan<byte> input)
    {
        var codec = CnnontaxCodec.Default;
        var bytes = input.ToArray();
        ReadFrames(codec, new ReadOnlySequence<byte>(bytes));
        if (bytes.Length > 1)
        {
            ReadFrames(codec, TwoSegments(bytes, bytes.Length / 2));
        }

        ParseVouchers(codec.DecodeBody(bytes, bytes.Length > 4 ? System.Text.Encoding.ASCII.GetString(bytes, 0, 4) : "2002"));
        if (VoucherXml.Parse(bytes).TryGetValue(out var voucher, out _))
        {
            foreach (var (_, parse) in VoucherParsers)
            {
                parse(voucher);
            }
        }
    }

    private static void ReadFrames(CnnontaxCodec codec, ReadOnlySequence<byte> buffer)
    {
        // As the edge does: keep cutting frames while complete ones come.
        for (var frames = 0; frames < 8; frames++)
        {
            var read = codec.TryReadFrame(buffer, out var consumed);
            if (!read.IsComplete || read.Frame is null)
            {
                return;
            }

            codec.VerifyMac(read.Frame, Tokens);
            _ = codec.ToBytes(read.Frame);
            ParseVouchers(codec.Decode(read.Frame));
            buffer = buffer.Slice(consumed);
        }
    }

    private static void ParseVouchers(DecodeResult decoded)
    {
        if (decoded.Envelope is null)
        {
            return;
        }

        foreach (var body in decoded.Envelope.Vouchers)
        {
            foreach (var (_, parse) in VoucherParsers)
            {
                parse(body.Voucher);
            }
        }
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] bytes, int cut)
    {
        var first = new Segment(bytes.AsMemory(0, cut), 0);
        var last = first.Append(bytes.AsMemory(cut));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private static List<(string, Func<Voucher, bool>)> FindVoucherParsers()
    {
        var open = typeof(ProtocolFuzzTarget).GetMethod(nameof(ParseAs), BindingFlags.NonPublic | BindingFlags.Static)!;
        return typeof(ITypedVoucher).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedVoucher<>) && i.GenericTypeArguments[0] == t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (t.Name, open.MakeGenericMethod(t).CreateDelegate<Func<Voucher, bool>>()))
            .ToList();
    }

    private static bool ParseAs<T>(Voucher voucher)
        where T : ITypedVoucher<T>
    {
        var parsed = T.Parse(voucher);
        if (parsed.TryGetValue(out var value, out _))
        {
            // A voucher that parsed must write back (the edge echoes fields into replies).
            value.ToVoucher();
            return true;
        }

        return false;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
