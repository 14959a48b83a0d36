using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Grains.Abstractions.Codes;

namespace NonTax.Grains.Tests.Codes;

public sealed class PayCodeTests
{
    [Fact]
    public void Composes_region_year_issuer_sequence_and_luhn_digit()
    {
        var code = PayCode.Compose("320682", 2026, 1, 42);

        Assert.Equal("3206822601000000042", code.Value[..19]);
        Assert.Equal(20, code.Value.Length);
        Assert.Equal("320682", code.RegionCode);
        Assert.Equal("26", code.Year);
        Assert.Equal("01", code.Issuer);
        Assert.Equal(42, code.Sequence);
        Assert.True(code.HasValidCheckDigit);
    }

    [Fact]
    public void Luhn_digit_matches_the_textbook_example()
    {
        // The classic Luhn example: 7992739871 has check digit 3.
        Assert.Equal(3, PayCode.LuhnCheckDigit("7992739871"));
    }

    [Theory]
    [InlineData("32000018000000298487")]
    [InlineData("32068421010005384867")]
    [InlineData("32060219000000002626")]
    public void Accepts_codes_issued_elsewhere_whatever_their_last_digit(string real)
    {
        Assert.True(PayCode.TryParse(real, out var code));
        Assert.Equal(real, code.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3206822601000000042")]
    [InlineData("320682260100000004201")]
    [InlineData("3206822601000000042A")]
    [InlineData("３２０６８２２６０１０００００００４２０")]
    public void Refuses_anything_but_twenty_ascii_digits(string text) => Assert.False(PayCode.TryParse(text, out _));

    [Property(MaxTest = 300)]
    public Property Any_single_digit_change_breaks_the_check_digit(NonNegativeInt sequence, byte position, byte delta)
    {
        var code = PayCode.Compose("320682", 2026, 2, sequence.Get % (PayCode.MaxSequence + 1));
        var i = position % 19;
        var d = 1 + (delta % 9);
        var chars = code.Value.ToCharArray();
        chars[i] = (char)('0' + ((chars[i] - '0' + d) % 10));
        var tampered = PayCode.Parse(new string(chars));
        return (!tampered.HasValidCheckDigit).Label($"{code} -> {tampered}");
    }
}
