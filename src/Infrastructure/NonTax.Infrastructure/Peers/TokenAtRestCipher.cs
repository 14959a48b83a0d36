using System.Security.Cryptography;
using System.Text;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// Encrypts communication tokens at rest with AES-256-GCM. The node code is bound as associated
/// data, so a token's ciphertext copied onto another peer's row does not decrypt.
/// Layout: nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class TokenAtRestCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <param name="base64Key">32 random bytes, base64; comes from the environment, never from the repository.</param>
    public TokenAtRestCipher(string base64Key)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("The token encryption key is not valid base64.");
        }

        if (key.Length != 32)
        {
            throw new InvalidOperationException("The token encryption key must be 32 bytes (base64 of 32 random bytes).");
        }

        _key = key;
    }

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

    public string Decrypt(string nodeCode, byte[] stored)
    {
        if (stored.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Stored token is too short.");
        }

        var plaintext = new byte[stored.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(stored.AsSpan(0, NonceSize), stored.AsSpan(NonceSize + TagSize), stored.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(nodeCode));
        return Encoding.UTF8.GetString(plaintext);
    }
}
