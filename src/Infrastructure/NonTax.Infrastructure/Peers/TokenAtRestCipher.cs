using System.Security.Cryptography;
using System.Text;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// Encrypts communication tokens at rest with AES-256-GCM. The node code is bound as associated
/// data, so a token's ciphertext copied onto another peer's row does not decrypt.
/// Layout: nonce (12) | tag (16) | ciphertext.
/// During a key rotation (docs/operations.md "Runbook: tokens and emergencies") a previous key may
/// be configured beside the current one: decryption tries the current key, then the previous one,
/// so every process keeps reading rows not yet re-encrypted; encryption always uses the current key.
/// </summary>
public sealed class TokenAtRestCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly byte[]? _previousKey;

    /// <param name="base64Key">32 random bytes, base64; comes from the environment, never from the repository.</param>
    /// <param name="previousBase64Key">The key being retired, only while its rows are re-encrypted; null otherwise.</param>
    public TokenAtRestCipher(string base64Key, string? previousBase64Key = null)
    {
        _key = ParseKey(base64Key, "token encryption key");
        _previousKey = string.IsNullOrEmpty(previousBase64Key) ? null : ParseKey(previousBase64Key, "previous token encryption key");
        if (_previousKey is not null && CryptographicOperations.FixedTimeEquals(_key, _previousKey))
        {
            throw new InvalidOperationException("The previous token encryption key is the same as the current one.");
        }
    }

    /// <summary>Whether a previous key is configured (a rotation is under way).</summary>
    public bool HasPreviousKey => _previousKey is not null;

    public byte[] Encrypt(string nodeCode, string token)
    {
        var plaintext = Encoding.UTF8.GetBytes(token);
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(nodeCode));
        return output;
    }

    /// <exception cref="CryptographicException">The ciphertext decrypts under neither the current nor the previous key.</exception>
    public string Decrypt(string nodeCode, byte[] stored)
    {
        if (stored.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Stored token is too short.");
        }

        if (TryDecrypt(_key, nodeCode, stored) is { } current)
        {
            return current;
        }

        if (_previousKey is not null && TryDecrypt(_previousKey, nodeCode, stored) is { } previous)
        {
            return previous;
        }

        throw new CryptographicException($"The stored token of {nodeCode} does not decrypt under the configured key(s).");
    }

    /// <summary>Which configured key a stored ciphertext decrypts under, without revealing the token.</summary>
    public TokenCiphertextKey Identify(string nodeCode, byte[] stored)
    {
        if (stored.Length < NonceSize + TagSize)
        {
            return TokenCiphertextKey.Neither;
        }

        if (TryDecrypt(_key, nodeCode, stored) is not null)
        {
            return TokenCiphertextKey.Current;
        }

        return _previousKey is not null && TryDecrypt(_previousKey, nodeCode, stored) is not null
            ? TokenCiphertextKey.Previous
            : TokenCiphertextKey.Neither;
    }

    private static string? TryDecrypt(byte[] key, string nodeCode, byte[] stored)
    {
        var plaintext = new byte[stored.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(stored.AsSpan(0, NonceSize), stored.AsSpan(NonceSize + TagSize), stored.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(nodeCode));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plaintext);
    }

    private static byte[] ParseKey(string base64Key, string what)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The {what} is not valid base64.");
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"The {what} must be 32 bytes (base64 of 32 random bytes).");
    }
}
