namespace NonTax.Protocol.Framing;

/// <summary>Byte layout of a CNNONTAX frame: length(8) + app(8) + ver(3) + MsgNo(4) + body + MAC(64).</summary>
public static class FrameLayout
{
    /// <summary>Width of the decimal, left-aligned, space-padded length field.</summary>
    public const int LengthFieldSize = 8;

    /// <summary>The application identifier, also <c>CFX/HEAD/APP</c>.</summary>
    public const string App = "CNNONTAX";

    /// <summary>The protocol version, also <c>CFX/HEAD/VER</c>.</summary>
    public const string Version = "1.0";

    /// <summary>Width of the message number field.</summary>
    public const int MsgNoSize = 4;

    /// <summary>Width of the hex SHA-256 MAC that ends every frame.</summary>
    public const int MacSize = 64;

    /// <summary>Offset of the body: length + app + ver + MsgNo.</summary>
    public const int HeaderSize = LengthFieldSize + 8 + 3 + MsgNoSize;

    /// <summary>Smallest frame that can be valid: a header, a one-byte body and a MAC.</summary>
    public const int MinimumFrameLength = HeaderSize + 1 + MacSize;

    /// <summary>Default upper bound of a frame (ours): 4 MiB.</summary>
    public const int DefaultMaxFrameLength = 4 * 1024 * 1024;

    /// <summary>Largest length the 8-digit field can express.</summary>
    public const int MaxExpressibleLength = 99_999_999;

    internal static ReadOnlySpan<byte> AppAndVersion => "CNNONTAX1.0"u8;
}
