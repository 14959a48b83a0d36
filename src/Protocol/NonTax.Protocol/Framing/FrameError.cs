namespace NonTax.Protocol.Framing;

/// <summary>Why bytes on the wire are not a CNNONTAX frame. All of them close the connection without a reply.</summary>
public enum FrameError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The 8-byte length field is not a decimal number padded with spaces.</summary>
    LengthNotNumber,

    /// <summary>The length is above the configured maximum.</summary>
    TooLong,

    /// <summary>The length cannot hold a header, a body and a MAC.</summary>
    TooShort,

    /// <summary>The bytes after the length are not <c>CNNONTAX1.0</c>.</summary>
    BadHeader,

    /// <summary>The message number is not four ASCII digits.</summary>
    MsgNoNotDigits,

    /// <summary>The last 64 bytes are not hex digits.</summary>
    MacNotHex,
}
