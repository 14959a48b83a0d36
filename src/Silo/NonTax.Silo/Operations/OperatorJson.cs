using System.Text.Json;
using System.Text.Json.Serialization;
using NonTax.Protocol.Nodes;

namespace NonTax.Silo.Operations;

/// <summary>
/// JSON of the operator API: web casing, enums by name (staff read "Dead", not 2), Chinese names
/// as characters rather than \u escapes. HTML-sensitive characters stay escaped.
/// </summary>
public static class OperatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // NodeKind's own converter first: the enum factory would otherwise take it and forget the former names it reads.
        Converters = { new NodeKindJsonConverter(), new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Options);
}
