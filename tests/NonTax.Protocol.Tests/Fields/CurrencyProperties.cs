using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Fields;
using NonTax.Protocol.Tests.Support;

namespace NonTax.Protocol.Tests.Fields;

public class CurrencyProperties
{
    [Property]
    public Property Format_then_parse_gives_the_same_amount_with_two_decimals() =>
        Prop.ForAll(Generators.Amount.ToArbitrary(), amount =>
        {
            var text = Currency.Format(amount);
            return Currency.TryParse(text, out var back) && back == amount && text[^3] == '.';
        });

    [Property]
    public Property Any_text_parses_or_is_refused_and_what_parses_formats_back_to_the_same_value() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            !Currency.TryParse(text, out var amount) || (Currency.TryParse(Currency.Format(amount), out var again) && again == amount));

    [Property]
    public Property More_than_two_decimals_is_refused() =>
        Prop.ForAll(Generators.Digits(1, 15).ToArbitrary(), Generators.Digits(3, 6).ToArbitrary(), (integer, fraction) =>
            !Currency.TryParse($"{integer}.{fraction}", out _));

    [Theory]
    [InlineData("21", "21.00")]
    [InlineData("80.0", "80.00")]
    [InlineData("0.01", "0.01")]
    [InlineData("000.5", "0.50")]
    [InlineData("999999999999999.99", "999999999999999.99")]
    public void Accepts_the_forms_real_traffic_sends(string text, string formatted)
    {
        Assert.True(Currency.TryParse(text, out var amount));
        Assert.Equal(formatted, Currency.Format(amount));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.001")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1,000")]
    [InlineData("1e3")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("１")]
    [InlineData("1000000000000000")]
    [InlineData("NaN")]
    public void Refuses_what_is_not_a_wire_amount(string text) => Assert.False(Currency.TryParse(text, out _));

    [Theory]
    [InlineData("-0.01")]
    [InlineData("0.001")]
    [InlineData("1000000000000000")]
    public void Format_refuses_amounts_the_wire_cannot_carry(string amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Currency.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
