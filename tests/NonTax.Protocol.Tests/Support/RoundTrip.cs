using System.Buffers;
using NonTax.Protocol.Vouchers;

namespace NonTax.Protocol.Tests.Support;

/// <summary>Sends a typed voucher through the whole codec and parses it back.</summary>
internal static class RoundTrip
{
    public static T ThroughFrame<T>(T voucher, string msgNo)
        where T : ITypedVoucher<T>
    {
        var codec = CnnontaxCodec.Default;
        var bytes = codec.Encode(Samples.Head(msgNo), voucher.ToVoucher(), Samples.Token, "320682", "1");
        var read = codec.TryReadFrame(new ReadOnlySequence<byte>(bytes), out var consumed);
        if (!read.IsComplete || consumed.GetInteger() != bytes.Length)
        {
            throw new InvalidOperationException($"Frame not read back: {read}");
        }

        if (!codec.VerifyMac(read.Frame, [Samples.Token]))
        {
            throw new InvalidOperationException("MAC did not verify");
        }

        var decoded = codec.Decode(read.Frame);
        if (!decoded.IsSuccess)
        {
            throw new InvalidOperationException($"Not decoded: {decoded.Error}");
        }

        var parsed = T.Parse(decoded.Envelope.First.Voucher);
        return parsed.IsSuccess ? parsed.Value : throw new InvalidOperationException($"Not parsed: {parsed.Error}");
    }

    /// <summary>True when the voucher comes back with the same fields (deep, including groups).</summary>
    public static bool Preserves<T>(T voucher, string msgNo)
        where T : ITypedVoucher<T> =>
        ThroughFrame(voucher, msgNo).ToVoucher().Equals(voucher.ToVoucher()) && voucher.Validate() is null;
}
