using System.Security.Cryptography;
using NonTax.Protocol.Text;

namespace NonTax.Protocol.Security;

/// <summary>
/// The frame MAC: hex SHA-256 over GBK(token) followed by the body bytes. Not an HMAC, which is
/// why the envelope parser refuses any byte after <c>&lt;/CFX&gt;</c> (length extension).
/// </summary>
public static class Mac
{
    /// <summary>Upper-case hex MAC of <paramref name="body"/> under <paramref name="token"/>.</summary>
    /// <exception cref="ArgumentException">The token cannot be encoded in GBK.</exception>
    public static string Compute(string token, ReadOnlySpan<byte> body) => Convert.ToHexString(ComputeBytes(token, body));

    /// <summary>
    /// True when <paramref name="mac"/> (either case) matches under any of <paramref name="tokens"/>
    /// (several during a token change's grace period). Compares in constant time and tries every
    /// token, so timing reveals neither which token matched nor how much of the MAC did.
    /// </summary>
    public static bool Verify(string mac, ReadOnlySpan<byte> body, IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (mac is null || mac.Length != 64)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        if (Convert.FromHexString(mac, expected, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        var matched = false;
        foreach (var token in tokens)
        {
            if (token is null || !Gbk.CanEncode(token))
            {
                continue;
            }

            matched |= CryptographicOperations.FixedTimeEquals(ComputeBytes(token, body), expected);
        }

        return matched;
    }

    /// <summary>Verifies against a single token.</summary>
    public static bool Verify(string mac, ReadOnlySpan<byte> body, string token) => Verify(mac, body, [token]);

    private static byte[] ComputeBytes(string token, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Gbk.GetBytes(token));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }
}
