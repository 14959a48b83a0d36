using System.Text.Encodings.Web;
using System.Text.Json;

namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// The one place fact payloads are turned into JSON and back: the grains write with it
/// (<see cref="BusinessFact.Create{TFact}"/>) and the projections read with it, so both agree on
/// names (camelCase), money (<see cref="MoneyTextAttribute"/>) and dates (yyyyMMdd).
/// Reading is strict: every field without a default must be present (an explicit null where the
/// record allows one), and a non-nullable field must not be null — a producer that stops
/// writing a field fails the write instead of projecting a hole.
/// </summary>
public static class FactJson
{
    // Chinese names stay readable in jsonb; the payload is never embedded in HTML.
    private static readonly JsonSerializerOptions Values = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Options = new(Values)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new CompactDateConverter() },
    };

    public static string Serialize<TFact>(TFact fact)
        where TFact : IFact =>
        JsonSerializer.Serialize(fact, Options);

    /// <summary>The payload of <paramref name="fact"/> as <typeparamref name="TFact"/>; <see cref="JsonException"/> when it does not read as one.</summary>
    public static TFact Read<TFact>(BusinessFact fact)
        where TFact : IFact
    {
        if (fact.Kind != TFact.Kind)
        {
            throw new ArgumentException($"Fact {fact.FactId} is a {fact.Kind}, not a {TFact.Kind}.", nameof(fact));
        }

        return JsonSerializer.Deserialize<TFact>(fact.PayloadJson, Options)
            ?? throw new JsonException("The payload is null.", "$", null, null);
    }

    /// <summary>
    /// A value carried inside a fact as JSON text (the before and after of a base-data change),
    /// in the plain web form so stored snapshots keep their shape (ISO dates, numbers).
    /// </summary>
    public static string Snapshot(object value) => JsonSerializer.Serialize(value, Values);
}
