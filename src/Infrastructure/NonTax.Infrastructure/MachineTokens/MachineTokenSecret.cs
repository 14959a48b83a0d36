using System.Security.Cryptography;
using System.Text;

namespace NonTax.Infrastructure.MachineTokens;

/// <summary>
/// The secret of a machine token: <c>ntm_</c> and 40 random base62 characters (about 238 bits).
/// Only its SHA-256 is stored; the first <see cref="PrefixLength"/> characters are its non-secret
/// prefix, shown in lists and logs so people can tell tokens apart.
/// </summary>
public static class MachineTokenSecret
{
    public const string Marker = "ntm_";
    public const int RandomLength = 40;
    public const int PrefixLength = 10;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => Marker + RandomNumberGenerator.GetString(Base62, RandomLength);

    /// <summary>Whether a presented value has the shape of a secret; anything else is refused before a lookup.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 44 } && value.StartsWith(Marker, StringComparison.Ordinal) && value.AsSpan(Marker.Length).IndexOfAnyExcept(Base62) < 0;

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string PrefixOf(string secret) => secret[..PrefixLength];
}
