using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Security;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Text;

namespace NonTax.Protocol.Tests.Security;

public class MacTests
{
    private static readonly byte[] Body = Gbk.GetBytes("<?xml version=\"1.0\" encoding=\"GBK\"?><CFX>中文</CFX>");

    [Fact]
    public void Is_upper_case_hex_sha256_of_gbk_token_then_body()
    {
        var expected = Convert.ToHexString(SHA256.HashData(Gbk.GetBytes("令牌" + Samples.Token).Concat(Body).ToArray()));

        Assert.Equal(expected, Mac.Compute("令牌" + Samples.Token, Body));
    }

    [Property]
    public Property Verifies_in_either_case_and_refuses_another_token() =>
        Prop.ForAll(Generators.Token.ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary(), (token, body) =>
        {
            var mac = Mac.Compute(token, body);
            return Mac.Verify(mac, body, token)
                && Mac.Verify(mac.ToLowerInvariant(), body, token)
                && !Mac.Verify(mac, body, token == Samples.Token ? Samples.OtherToken : Samples.Token)
                && !Mac.Verify(mac, body.Append((byte)' ').ToArray(), token);
        });

    [Fact]
    public void Accepts_any_of_several_tokens_for_the_grace_period()
    {
        var mac = Mac.Compute(Samples.OtherToken, Body);

        Assert.True(Mac.Verify(mac, Body, [Samples.Token, Samples.OtherToken]));
        Assert.False(Mac.Verify(mac, Body, [Samples.Token]));
        Assert.False(Mac.Verify(mac, Body, []));
    }

    [Theory]
    [InlineData("")]
    [InlineData("XYZ")]
    public void Refuses_a_mac_that_is_not_64_hex_characters(string mac)
    {
        Assert.False(Mac.Verify(mac, Body, Samples.Token));
        Assert.False(Mac.Verify(Encoding.ASCII.GetString(Enumerable.Repeat((byte)'g', 64).ToArray()), Body, Samples.Token));
    }
}
