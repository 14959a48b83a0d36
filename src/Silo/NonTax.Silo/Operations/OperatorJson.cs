using System.Text.Json;
using System.Text.Json.Serialization;

namespace NonTax.Silo.Operations;

/// <summary>JSON of the operator API: web casing, enums by name (staff read "Dead", not 2).</summary>
public static class OperatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Options);
}
