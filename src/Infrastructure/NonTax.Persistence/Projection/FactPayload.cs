using System.Globalization;
using System.Text.Json;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Money;

namespace NonTax.Persistence.Projection;

/// <summary>
/// Typed reading of a fact's JSON payload in the formats the grains write (money "80.00", CST
/// dates "yyyyMMdd"). Every field must be present; the <c>Optional…</c> readers accept an explicit
/// JSON null, never a missing field, so a producer that stops writing a field is noticed.
/// </summary>
public readonly struct FactPayload
{
    private readonly BusinessFact _fact;
    private readonly JsonElement _element;
    private readonly string _path;

    private FactPayload(BusinessFact fact, JsonElement element, string path)
    {
        _fact = fact;
        _element = element;
        _path = path;
    }

    public static FactPayload Of(BusinessFact fact)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(fact.PayloadJson);
        }
        catch (JsonException ex)
        {
            throw new FactPayloadException(fact, "$", $"is not JSON ({ex.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FactPayloadException(fact, "$", "is not a JSON object");
        }

        return new FactPayload(fact, root, "");
    }

    public string Text(string name) =>
        OptionalText(name) ?? throw Problem(name, "is null");

    /// <summary>For a field added to a fact kind later: facts written before it lack it.</summary>
    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public string? OptionalText(string name)
    {
        var value = Field(name);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw Problem(name, "is not a string"),
        };
    }

    public decimal Money(string name) =>
        OptionalMoney(name) ?? throw Problem(name, "is null");

    public decimal? OptionalMoney(string name)
    {
        var text = OptionalText(name);
        if (text is null)
        {
            return null;
        }

        return MoneyMath.TryParse(text, out var amount) ? amount : throw Problem(name, $"is not an amount ('{text}')");
    }

    /// <summary>A CST business date written as yyyyMMdd.</summary>
    public DateOnly Date(string name)
    {
        var text = Text(name);
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Problem(name, $"is not a yyyyMMdd date ('{text}')");
    }

    public int Int(string name)
    {
        var value = Field(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Problem(name, "is not an integer");
    }

    public decimal Number(string name)
    {
        var value = Field(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw Problem(name, "is not a number");
    }

    public bool Bool(string name)
    {
        var value = Field(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Problem(name, "is not a boolean"),
        };
    }

    public FactPayload Object(string name)
    {
        var value = Field(name);
        return value.ValueKind == JsonValueKind.Object
            ? new FactPayload(_fact, value, Qualified(name) + ".")
            : throw Problem(name, "is not an object");
    }

    public IReadOnlyList<FactPayload> Array(string name)
    {
        var value = Field(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Problem(name, "is not an array");
        }

        var fact = _fact;
        var prefix = Qualified(name);
        return value.EnumerateArray()
            .Select((item, index) => item.ValueKind == JsonValueKind.Object
                ? new FactPayload(fact, item, $"{prefix}[{index}].")
                : throw new FactPayloadException(fact, $"{prefix}[{index}]", "is not an object"))
            .ToArray();
    }

    /// <summary>The whole object as JSON text (for jsonb columns that keep a fact's details).</summary>
    public string RawJson() => _element.GetRawText();

    private JsonElement Field(string name) =>
        _element.TryGetProperty(name, out var value) ? value : throw Problem(name, "is missing");

    private string Qualified(string name) => _path + name;

    private FactPayloadException Problem(string name, string problem) => new(_fact, Qualified(name), problem);
}
