using NonTax.Protocol.Fields;

namespace NonTax.Protocol.Tests.Fields;

public class FieldValidatorTests
{
    [Theory]
    [InlineData(FieldType.String, 1, 5, "abc", true)]
    [InlineData(FieldType.String, 1, 5, "abcdef", false)]
    [InlineData(FieldType.String, 1, 5, "中", false)]
    [InlineData(FieldType.String, 1, 5, "a\tb", false)]
    [InlineData(FieldType.NString, 1, 4, "0123", true)]
    [InlineData(FieldType.NString, 1, 4, "12a", false)]
    [InlineData(FieldType.GBString, 1, 4, "中文", true)]
    [InlineData(FieldType.GBString, 1, 4, "中文a", false)]
    [InlineData(FieldType.GBString, 1, 40, "𠀀", false)]
    [InlineData(FieldType.Integer, 0, 0, "12345678", true)]
    [InlineData(FieldType.Integer, 0, 0, "123456789", false)]
    [InlineData(FieldType.Date, 0, 0, "20240229", true)]
    [InlineData(FieldType.Date, 0, 0, "20230229", false)]
    [InlineData(FieldType.Date, 0, 0, "2024-02-29", false)]
    [InlineData(FieldType.Time, 0, 0, "235959", true)]
    [InlineData(FieldType.Time, 0, 0, "240000", false)]
    [InlineData(FieldType.DateTime, 0, 0, "20251101123456", true)]
    [InlineData(FieldType.DateTime, 0, 0, "2025110112345", false)]
    [InlineData(FieldType.UtcDateTime, 0, 0, "20251101123456+0800", true)]
    [InlineData(FieldType.UtcDateTime, 0, 0, "20251101123456-0530", true)]
    [InlineData(FieldType.UtcDateTime, 0, 0, "20251101123456+2500", false)]
    [InlineData(FieldType.UtcDateTime, 0, 0, "20251101123456", false)]
    [InlineData(FieldType.Code, 1, 2, "1", true)]
    [InlineData(FieldType.Code, 1, 2, "01", true)]
    [InlineData(FieldType.Code, 1, 2, "001", false)]
    [InlineData(FieldType.Code, 1, 2, "a", false)]
    [InlineData(FieldType.Base64, 1, 100, "AQID", true)]
    [InlineData(FieldType.Base64, 1, 100, "AQI*", false)]
    public void Checks_type_and_length(FieldType type, int min, int max, string value, bool valid)
    {
        var spec = FieldSpec.M("F", type, min, max == 0 ? int.MaxValue : max);

        Assert.Equal(valid, FieldValidator.Check(spec, value) is null);
    }

    [Fact]
    public void Mandatory_needs_the_element_optional_keeps_empty()
    {
        Assert.Equal("missing", FieldValidator.Check(FieldSpec.M("F", FieldType.String, 0, 5), null));
        Assert.Null(FieldValidator.Check(FieldSpec.M("F", FieldType.String, 0, 5), ""));
        Assert.Equal("empty", FieldValidator.Check(FieldSpec.M("F", FieldType.String, 1, 5), ""));
        Assert.Equal("empty", FieldValidator.Check(FieldSpec.M("F", FieldType.Currency), ""));
        Assert.Null(FieldValidator.Check(FieldSpec.O("F", FieldType.Currency), ""));
        Assert.Null(FieldValidator.Check(FieldSpec.O("F", FieldType.Date), null));
        Assert.Null(FieldValidator.Check(FieldSpec.C("F", FieldType.String, 1, 5), ""));
    }

    [Fact]
    public void Codes_with_and_without_leading_zero_are_the_same()
    {
        Assert.True(CodeValue.SameCode("1", "01"));
        Assert.False(CodeValue.SameCode("1", "11"));
        Assert.Equal("1", CodeValue.Format(1));
    }

    [Fact]
    public void Business_date_is_china_standard_time_whatever_the_instant_offset()
    {
        var lateEveningUtc = new DateTimeOffset(2025, 11, 1, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2025, 11, 2), WireTime.BusinessDate(lateEveningUtc));
        Assert.Equal("20251102013000+0800", WireTime.FormatUtcDateTime(WireTime.ToChinaTime(lateEveningUtc)));
    }
}
