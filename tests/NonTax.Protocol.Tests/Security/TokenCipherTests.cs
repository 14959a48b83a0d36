using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Security;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Vouchers.Common;

namespace NonTax.Protocol.Tests.Security;

public class TokenCipherTests
{
    [Property]
    public Property Encrypt_then_decrypt_with_the_old_token_gives_the_new_token() =>
        Prop.ForAll(Generators.Token.ToArbitrary(), Generators.Token.ToArbitrary(), (newToken, oldToken) =>
        {
            var hex = TokenCipher.Encrypt(newToken, oldToken);
            return hex.Length == 64
                && hex == hex.ToUpperInvariant()
                && TokenCipher.TryDecrypt(hex, oldToken, out var back) && back == newToken
                && TokenCipher.TryDecrypt(hex.ToLowerInvariant(), oldToken, out var fromLower) && fromLower == newToken;
        });

    [Fact]
    public void Is_3des_ecb_without_padding_keyed_by_the_first_24_bytes_of_sha256_of_the_old_token()
    {
        using var des = TripleDES.Create();
        des.Key = SHA256.HashData(Encoding.ASCII.GetBytes(Samples.Token))[..24];
        var expected = Convert.ToHexString(des.EncryptEcb(Encoding.ASCII.GetBytes(Samples.OtherToken), PaddingMode.None));

        Assert.Equal(expected, TokenCipher.Encrypt(Samples.OtherToken, Samples.Token));
    }

    [Fact]
    public void A_wrong_old_token_does_not_decrypt_to_a_valid_token()
    {
        var hex = TokenCipher.Encrypt(Samples.OtherToken, Samples.Token);

        Assert.False(TokenCipher.TryDecrypt(hex, Samples.OtherToken, out _));
        Assert.False(TokenCipher.TryDecrypt("not hex", Samples.Token, out _));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("0123456789ABCDEF0123456789ABCDE ")]
    [InlineData("0123456789ABCDEF0123456789ABCDE中")]
    public void Refuses_a_token_that_is_not_32_printable_characters(string token)
    {
        Assert.False(TokenCipher.IsValidToken(token));
        Assert.Throws<ArgumentException>(() => TokenCipher.Encrypt(token, Samples.Token));
    }

    [Fact]
    public void The_2003_voucher_carries_the_encrypted_token()
    {
        var voucher = TokenChange.Create(Samples.OtherToken, Samples.Token);

        Assert.True(voucher.TryDecrypt(Samples.Token, out var newToken));
        Assert.Equal(Samples.OtherToken, newToken);
        Assert.Equal(voucher.NewToken, voucher.ToVoucher()["NewToken"]);
    }
}
