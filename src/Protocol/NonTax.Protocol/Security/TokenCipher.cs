using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using NonTax.Protocol.Text;

namespace NonTax.Protocol.Security;

/// <summary>
/// The 2003 token change (ours, where the specification names no key): <c>NewToken</c> is the
/// upper-case hex of 3DES-ECB without padding over the 32-character new token, keyed with the
/// first 24 bytes of SHA-256(GBK(old token)). The old token may be any token a peer has (8–64
/// characters, e.g. an 18-character token a bank brought along); only the new one carried by 2003
/// is exactly 32.
/// </summary>
public static class TokenCipher
{
    /// <summary>A token carried by 2003 has exactly this many characters (tokens set by staff may differ).</summary>
    public const int TokenLength = 32;

    /// <summary>Length of the hex <c>NewToken</c> field.</summary>
    public const int EncryptedLength = 64;

    /// <summary>
    /// A token 2003 can carry: 32 printable ASCII characters other than space (0x21–0x7E), so its GBK and
    /// ASCII bytes are the same 32 bytes and it survives XML and configuration files unchanged.
    /// </summary>
    public static bool IsValidToken([NotNullWhen(true)] string? token) =>
        token is { Length: TokenLength } && token.All(c => c is >= '!' and <= '~');

    /// <summary>Encrypts <paramref name="newToken"/> for the <c>NewToken</c> field.</summary>
    /// <exception cref="ArgumentException">Either token is not a valid token.</exception>
    public static string Encrypt(string newToken, string oldToken)
    {
        if (!IsValidToken(newToken))
        {
            throw new ArgumentException("The new token must be 32 printable ASCII characters.", nameof(newToken));
        }

        using var des = CreateCipher(oldToken);
        return Convert.ToHexString(des.EncryptEcb(Encoding.ASCII.GetBytes(newToken), PaddingMode.None));
    }

    /// <summary>Decrypts a <c>NewToken</c> field; false when it is not 64 hex characters or does not decrypt to a valid token.</summary>
    public static bool TryDecrypt(string? encryptedHex, string oldToken, [NotNullWhen(true)] out string? newToken)
    {
        newToken = null;
        if (encryptedHex is not { Length: EncryptedLength } || !encryptedHex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        using var des = CreateCipher(oldToken);
        var plain = des.DecryptEcb(Convert.FromHexString(encryptedHex), PaddingMode.None);
        var candidate = Encoding.ASCII.GetString(plain);
        if (!plain.All(b => b is >= 0x21 and <= 0x7E) || !IsValidToken(candidate))
        {
            return false;
        }

        newToken = candidate;
        return true;
    }

    private static TripleDES CreateCipher(string oldToken)
    {
        ArgumentNullException.ThrowIfNull(oldToken);
        var key = SHA256.HashData(Gbk.GetBytes(oldToken)).AsSpan(0, 24).ToArray();
        var des = TripleDES.Create();
        des.Key = key;
        return des;
    }
}
