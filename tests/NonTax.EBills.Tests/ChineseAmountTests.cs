using NonTax.EBills.Rendering;

namespace NonTax.EBills.Tests;

/// <summary>Amounts in Chinese capitals as bills print them.</summary>
public sealed class ChineseAmountTests
{
    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.50", "伍角")]
    [InlineData("10", "壹拾元整")]
    [InlineData("10.05", "壹拾元零伍分")]
    [InlineData("80.00", "捌拾元整")]
    [InlineData("123.45", "壹佰贰拾叁元肆角伍分")]
    [InlineData("1005", "壹仟零伍元整")]
    [InlineData("10001.10", "壹万零壹元壹角")]
    [InlineData("1000010", "壹佰万零壹拾元整")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("100010000", "壹亿零壹万元整")]
    [InlineData("-80", "负捌拾元整")]
    public void Amounts_read_as_on_a_bill(string amount, string capitals) =>
        Assert.Equal(capitals, ChineseAmount.Capitals(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void More_than_two_decimals_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseAmount.Capitals(1.005m));
}
