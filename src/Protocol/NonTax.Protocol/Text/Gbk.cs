using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NonTax.Protocol.Text;

/// <summary>
/// Strict GBK (code page 936) text for CNNONTAX bodies and MACs. Both directions use exception
/// fallbacks: a character GBK cannot hold (生僻字) or a byte sequence that is not GBK is an error,
/// never silently replaced by <c>?</c>.
/// </summary>
public static class Gbk
{
    /// <summary>Code page of GBK on Windows and in <see cref="CodePagesEncodingProvider"/>.</summary>
    public const int CodePage = 936;

    private static readonly Lazy<Encoding> StrictEncoding = new(CreateStrictEncoding);

    /// <summary>The strict GBK encoding (throws on unencodable characters and undecodable bytes).</summary>
    public static Encoding Encoding => StrictEncoding.Value;

    /// <summary>
    /// Registers <see cref="CodePagesEncodingProvider"/>; idempotent, and every member of this class
    /// calls it, so callers rarely need to.
    /// </summary>
    public static void EnsureRegistered() => _ = StrictEncoding.Value;

    /// <summary>True when every character of <paramref name="text"/> can be sent in a GBK message.</summary>
    public static bool CanEncode(string text) => TryGetBytes(text, out _);

    /// <summary>Encodes strictly; false (and no bytes) when a character is not in GBK.</summary>
    public static bool TryGetBytes(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            bytes = Encoding.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            bytes = null;
            return false;
        }
    }

    /// <summary>Encodes strictly.</summary>
    /// <exception cref="ArgumentException">A character cannot be encoded in GBK.</exception>
    public static byte[] GetBytes(string text)
    {
        if (TryGetBytes(text, out var bytes))
        {
            return bytes;
        }

        throw new ArgumentException($"Text contains a character that GBK cannot encode: {FirstUnencodable(text)}", nameof(text));
    }

    /// <summary>Length of <paramref name="text"/> in GBK bytes, or -1 when it cannot be encoded.</summary>
    public static int ByteCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return Encoding.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            return -1;
        }
    }

    /// <summary>Decodes strictly; false when the bytes are not valid GBK.</summary>
    public static bool TryGetString(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text)
    {
        try
        {
            text = Encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }

    /// <summary>The first character GBK cannot encode, as <c>'x' (U+XXXX)</c>, for error messages.</summary>
    public static string? FirstUnencodable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            var element = text.Substring(i, length);
            if (!TryGetBytes(element, out _))
            {
                var codePoint = length == 2 ? char.ConvertToUtf32(text, i) : text[i];
                return $"'{element}' (U+{codePoint:X4})";
            }

            i += length - 1;
        }

        return null;
    }

    private static Encoding CreateStrictEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
