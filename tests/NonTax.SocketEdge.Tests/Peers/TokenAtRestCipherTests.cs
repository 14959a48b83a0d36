using System.Security.Cryptography;
using NonTax.Infrastructure.Peers;

namespace NonTax.SocketEdge.Tests.Peers;

public class TokenAtRestCipherTests
{
    private static readonly TokenAtRestCipher Cipher = new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    private const string Token = "0123456789abcdefGHIJKLMNOPQRSTU!";

    [Fact]
    public void Round_trip_gives_the_token_back() =>
        Assert.Equal(Token, Cipher.Decrypt("D3206820105", Cipher.Encrypt("D3206820105", Token)));

    [Fact]
    public void The_same_token_encrypts_differently_each_time() =>
        Assert.NotEqual(Cipher.Encrypt("D3206820105", Token), Cipher.Encrypt("D3206820105", Token));

    [Fact]
    public void A_ciphertext_moved_to_another_peer_does_not_decrypt() =>
        Assert.ThrowsAny<CryptographicException>(() => Cipher.Decrypt("D3206820103", Cipher.Encrypt("D3206820105", Token)));

    [Fact]
    public void Any_changed_byte_is_detected()
    {
        var stored = Cipher.Encrypt("D3206820105", Token);
        for (var i = 0; i < stored.Length; i++)
        {
            var tampered = (byte[])stored.Clone();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => Cipher.Decrypt("D3206820105", tampered));
        }
    }

    [Fact]
    public void Another_key_does_not_decrypt()
    {
        var other = new TokenAtRestCipher(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt("D3206820105", Cipher.Encrypt("D3206820105", Token)));
    }

    [Fact]
    public void Truncated_ciphertext_is_refused() =>
        Assert.ThrowsAny<CryptographicException>(() => Cipher.Decrypt("D3206820105", new byte[20]));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_bad_key_is_refused_at_start(string key) =>
        Assert.Throws<InvalidOperationException>(() => new TokenAtRestCipher(key));

    [Fact]
    public void During_a_rotation_both_keys_decrypt_and_only_the_current_one_encrypts()
    {
        var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var underOld = new TokenAtRestCipher(oldKey).Encrypt("D3206820105", Token);
        var rotating = new TokenAtRestCipher(newKey, oldKey);

        Assert.Equal(Token, rotating.Decrypt("D3206820105", underOld));
        Assert.Equal(TokenCiphertextKey.Previous, rotating.Identify("D3206820105", underOld));
        var underNew = rotating.Encrypt("D3206820105", Token);
        Assert.Equal(TokenCiphertextKey.Current, rotating.Identify("D3206820105", underNew));
        Assert.Equal(Token, new TokenAtRestCipher(newKey).Decrypt("D3206820105", underNew));
        Assert.ThrowsAny<CryptographicException>(() => new TokenAtRestCipher(oldKey).Decrypt("D3206820105", underNew));
        // The node code still binds under the previous key.
        Assert.Equal(TokenCiphertextKey.Neither, rotating.Identify("D3206820103", underOld));
        Assert.ThrowsAny<CryptographicException>(() => rotating.Decrypt("D3206820103", underOld));
    }

    [Fact]
    public void A_previous_key_equal_to_the_current_one_or_malformed_is_refused_at_start()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Assert.Throws<InvalidOperationException>(() => new TokenAtRestCipher(key, key));
        Assert.Throws<InvalidOperationException>(() => new TokenAtRestCipher(key, "AAAA"));
        Assert.False(new TokenAtRestCipher(key, "").HasPreviousKey);
    }
}
