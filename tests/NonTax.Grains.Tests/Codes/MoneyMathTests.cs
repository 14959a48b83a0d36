using NonTax.Grains.Abstractions.Money;

namespace NonTax.Grains.Tests.Codes;

public sealed class MoneyMathTests
{
    [Theory]
    [InlineData("21", "21.00")]
    [InlineData("80.0", "80.00")]
    [InlineData("0.01", "0.01")]
    [InlineData("20000.00", "20000.00")]
    public void Parses_currency_fields_and_formats_two_places(string text, string formatted)
    {
        Assert.True(MoneyMath.TryParse(text, out var amount));
        Assert.Equal(formatted, MoneyMath.Format(amount));
    }

    [Theory]
    [InlineData("1.001")]
    [InlineData("1,000.00")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData(" 1")]
    [InlineData("")]
    [InlineData("10000000000000000.00")]
    public void Refuses_malformed_currency(string text) => Assert.False(MoneyMath.TryParse(text, out _));

    [Theory]
    [InlineData(0.005, 0.01)]
    [InlineData(0.015, 0.02)]
    [InlineData(2.345, 2.35)]
    [InlineData(2.344, 2.34)]
    public void Rounds_half_up_to_the_cent(double input, double expected) =>
        Assert.Equal((decimal)expected, MoneyMath.RoundToCent((decimal)input));
}
