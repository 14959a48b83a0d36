using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Vouchers.Collection;

namespace NonTax.Protocol.Tests.Vouchers;

public class PayInfoTests
{
    [Fact]
    public void Parses_the_specification_example()
    {
        var lines = PayInfo.Parse("103043211|不动产登记费|80.0|次|1|不限制|0.0-0.0#").Value;

        var line = Assert.Single(lines);
        Assert.Equal(new PayInfoLine("103043211", "不动产登记费", 80m, "次", "1", "不限制", "0.0-0.0"), line);
        Assert.True(PayInfo.AddsUpTo(lines, 80m));
        Assert.False(PayInfo.AddsUpTo(lines, 80.01m));
        Assert.Equal("103043211|不动产登记费|80.00|次|1|不限制|0.0-0.0#", PayInfo.Format(lines));
    }

    [Theory]
    [InlineData("103043211|不动产登记费|80.0|次|1|不限制#")]
    [InlineData("103043211|不动产登记费|80.001|次|1|不限制|0.0-0.0#")]
    [InlineData("|不动产登记费|80.0|次|1|不限制|0.0-0.0")]
    public void Names_the_field_when_a_line_is_malformed(string text) => Assert.Equal("PayInfo", PayInfo.Parse(text).Error!.Field);

    [Property]
    public Property Format_then_parse_gives_the_same_lines() =>
        Prop.ForAll(Gen.ListOf(Generators.PayInfoLine).ToArbitrary(), lines =>
            PayInfo.Parse(PayInfo.Format(lines)).Value.SequenceEqual(lines));
}
