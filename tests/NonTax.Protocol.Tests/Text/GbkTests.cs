using NonTax.Protocol.Text;

namespace NonTax.Protocol.Tests.Text;

public class GbkTests
{
    [Theory]
    [InlineData("不动产登记费", true)]
    [InlineData("ABC 123", true)]
    [InlineData("𠀀", false)] // CJK extension B: not in GBK
    [InlineData("😀", false)]
    [InlineData("张𠀀三", false)]
    public void Knows_what_it_can_encode(string text, bool encodable) => Assert.Equal(encodable, Gbk.CanEncode(text));

    [Fact]
    public void Encodes_chinese_in_two_bytes_and_never_substitutes_a_question_mark()
    {
        Assert.Equal(4, Gbk.ByteCount("中文"));
        Assert.Equal(-1, Gbk.ByteCount("𠀀"));
        var error = Assert.Throws<ArgumentException>(() => Gbk.GetBytes("张𠀀三"));
        Assert.Contains("U+20000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_bytes_that_are_not_gbk()
    {
        Assert.True(Gbk.TryGetString(Gbk.GetBytes("中文"), out var text));
        Assert.Equal("中文", text);
        Assert.False(Gbk.TryGetString(new byte[] { 0x81, 0x20 }, out _));
    }
}
