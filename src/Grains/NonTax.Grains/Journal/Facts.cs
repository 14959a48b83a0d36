using System.Text.Encodings.Web;
using System.Text.Json;
using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.Journal;

/// <summary>Builds <see cref="BusinessFact"/>s with camelCase JSON payloads that SQL projections read.</summary>
internal static class Facts
{
    // Chinese names stay readable in jsonb; the payload is never embedded in HTML.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static BusinessFact Create(string factId, string kind, string subject, DateTimeOffset at, object payload) =>
        new(factId, kind, subject, at, JsonSerializer.Serialize(payload, Json));

    public static string ToJson(object? value) => JsonSerializer.Serialize(value, Json);
}
