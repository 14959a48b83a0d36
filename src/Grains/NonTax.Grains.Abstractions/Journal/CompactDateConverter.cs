using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NonTax.Grains.Abstractions.Journal;

/// <summary>A CST business date as <c>yyyyMMdd</c>, the form facts have always stored.</summary>
internal sealed class CompactDateConverter : JsonConverter<DateOnly>
{
    private const string Format = "yyyyMMdd";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new JsonException($"is not a yyyyMMdd date ('{text}')");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}
