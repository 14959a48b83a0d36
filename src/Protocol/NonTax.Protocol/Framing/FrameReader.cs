using System.Buffers;
using System.Text;

namespace NonTax.Protocol.Framing;

/// <summary>
/// Cuts CNNONTAX frames from a byte stream buffered as a <see cref="ReadOnlySequence{T}"/>
/// (System.IO.Pipelines style). It validates each part as soon as its bytes arrive, so garbage is
/// refused after a few bytes instead of waiting for a length that will never come. It never throws
/// on any input.
/// </summary>
public sealed class FrameReader
{
    /// <summary>A reader with the default 4 MiB limit.</summary>
    public static FrameReader Default { get; } = new();

    /// <param name="maxFrameLength">Largest acceptable frame in bytes (ours: 4 MiB by default).</param>
    public FrameReader(int maxFrameLength = FrameLayout.DefaultMaxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, FrameLayout.MinimumFrameLength);
        MaxFrameLength = maxFrameLength;
    }

    /// <summary>Largest acceptable frame in bytes.</summary>
    public int MaxFrameLength { get; }

    /// <summary>
    /// Tries to cut one frame from the start of <paramref name="buffer"/>.
    /// </summary>
    /// <param name="buffer">Bytes received so far.</param>
    /// <param name="consumed">
    /// After a complete frame, the position just past it; otherwise <c>buffer.Start</c> (nothing consumed).
    /// </param>
    public FrameReadResult TryRead(ReadOnlySequence<byte> buffer, out SequencePosition consumed)
    {
        consumed = buffer.Start;

        Span<byte> header = stackalloc byte[FrameLayout.HeaderSize];
        var available = (int)Math.Min(buffer.Length, FrameLayout.HeaderSize);
        buffer.Slice(0, available).CopyTo(header);
        header = header[..available];

        var lengthBytes = header[..Math.Min(available, FrameLayout.LengthFieldSize)];
        if (!IsPlausibleLengthPrefix(lengthBytes))
        {
            return FrameReadResult.Invalid(FrameError.LengthNotNumber);
        }

        if (available < FrameLayout.LengthFieldSize)
        {
            return FrameReadResult.NeedMore(0);
        }

        if (!TryParseLength(lengthBytes, out var length))
        {
            return FrameReadResult.Invalid(FrameError.LengthNotNumber);
        }

        if (length > MaxFrameLength)
        {
            return FrameReadResult.Invalid(FrameError.TooLong, length);
        }

        if (length < FrameLayout.MinimumFrameLength)
        {
            return FrameReadResult.Invalid(FrameError.TooShort, length);
        }

        var appAndVersion = FrameLayout.AppAndVersion;
        var headerSeen = header[FrameLayout.LengthFieldSize..];
        var appSeen = headerSeen[..Math.Min(headerSeen.Length, appAndVersion.Length)];
        if (!appSeen.SequenceEqual(appAndVersion[..appSeen.Length]))
        {
            return FrameReadResult.Invalid(FrameError.BadHeader, length);
        }

        var msgNoStart = FrameLayout.LengthFieldSize + appAndVersion.Length;
        if (available > msgNoStart && !IsAsciiDigits(header[msgNoStart..]))
        {
            return FrameReadResult.Invalid(FrameError.MsgNoNotDigits, length);
        }

        if (buffer.Length < length)
        {
            return FrameReadResult.NeedMore(length);
        }

        Span<byte> mac = stackalloc byte[FrameLayout.MacSize];
        buffer.Slice(length - FrameLayout.MacSize, FrameLayout.MacSize).CopyTo(mac);
        if (!IsHex(mac))
        {
            return FrameReadResult.Invalid(FrameError.MacNotHex, length);
        }

        var body = buffer.Slice(FrameLayout.HeaderSize, length - FrameLayout.HeaderSize - FrameLayout.MacSize).ToArray();
        var msgNo = Encoding.ASCII.GetString(header[msgNoStart..]);
        consumed = buffer.GetPosition(length);
        return FrameReadResult.Completed(new RawFrame(msgNo, body, Encoding.ASCII.GetString(mac), length));
    }

    /// <summary>Convenience for a whole frame held in one array (tests, simulators).</summary>
    public FrameReadResult TryRead(ReadOnlyMemory<byte> bytes) => TryRead(new ReadOnlySequence<byte>(bytes), out _);

    // Left-aligned digits padded with spaces; leading spaces are tolerated ("be liberal").
    private static bool IsPlausibleLengthPrefix(ReadOnlySpan<byte> bytes)
    {
        var state = 0; // 0 leading spaces, 1 digits, 2 trailing spaces
        foreach (var b in bytes)
        {
            var isDigit = b is >= (byte)'0' and <= (byte)'9';
            if (!isDigit && b != (byte)' ')
            {
                return false;
            }

            state = (state, isDigit) switch
            {
                (0, true) => 1,
                (1, false) => 2,
                (2, true) => -1,
                _ => state,
            };
            if (state < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseLength(ReadOnlySpan<byte> bytes, out int length)
    {
        length = 0;
        var digits = 0;
        foreach (var b in bytes)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                length = (length * 10) + (b - '0');
                digits++;
            }
        }

        return digits > 0;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (!char.IsAsciiHexDigit((char)b))
            {
                return false;
            }
        }

        return true;
    }
}
