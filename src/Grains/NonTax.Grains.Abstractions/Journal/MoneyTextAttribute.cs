using System.Text.Json;
using System.Text.Json.Serialization;
using NonTax.Grains.Abstractions.Money;

namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// Marks a fact's money field: stored as the text <c>"80.00"</c> (<see cref="MoneyMath.Format"/>)
/// so numeric(17,2) values never pass through a JSON number; a reversal's amount is written with a
/// leading minus. Other decimals (quantities) stay numbers.
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
        // A fact may carry a negative amount (a red-letter e-bill reverses its original's total);
        // amounts on the wire never do, so the sign is taken here and not in MoneyMath.TryParse.
        var negative = text is ['-', .. var rest] && (text = rest) is not null;
        return MoneyMath.TryParse(text, out var amount)
            ? negative ? -amount : amount
            : throw new JsonException($"is not an amount ('{(negative ? "-" : "")}{text}')");
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
