using System.Text.Json;
using System.Text.Json.Serialization;
using NonTax.Grains.Abstractions.Money;

namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// Marks a fact's money field: stored as the text <c>"80.00"</c> (<see cref="MoneyMath.Format"/>)
/// so numeric(17,2) values never pass through a JSON number. Other decimals (quantities) stay numbers.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MoneyTextAttribute : JsonConverterAttribute
{
    public override JsonConverter? CreateConverter(Type typeToConvert) =>
        typeToConvert == typeof(decimal) ? new Required()
        : typeToConvert == typeof(decimal?) ? new Optional()
        : throw new InvalidOperationException($"[MoneyText] applies to decimal properties, not {typeToConvert}.");

    private static decimal Parse(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return MoneyMath.TryParse(text, out var amount) ? amount : throw new JsonException($"is not an amount ('{text}')");
    }

    private sealed class Required : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue(MoneyMath.Format(value));
    }

    private sealed class Optional : JsonConverter<decimal?>
    {
        public override bool HandleNull => true;

        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : Parse(ref reader);

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
        {
            if (value is { } amount)
            {
                writer.WriteStringValue(MoneyMath.Format(amount));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
