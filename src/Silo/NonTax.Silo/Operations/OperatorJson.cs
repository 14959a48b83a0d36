using System.Text.Json;
using System.Text.Json.Serialization;

namespace NonTax.Silo.Operations;

/// <summary>
/// JSON of the operator API: web casing, enums by name (staff read "Dead", not 2), Chinese names
/// as characters rather than \u escapes. HTML-sensitive characters stay escaped.
/// </summary>
public static class OperatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Options);
}
