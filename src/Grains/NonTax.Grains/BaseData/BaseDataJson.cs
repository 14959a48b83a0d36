using System.Text.Json;
using System.Text.Json.Serialization;
using NonTax.Grains.Abstractions.BaseData;

namespace NonTax.Grains.BaseData;

/// <summary>Reads base-data documents: camelCase JSON, enums by name, dates as yyyy-MM-dd.</summary>
public static class BaseDataJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static BaseDataDocument Parse(string json) =>
        JsonSerializer.Deserialize<BaseDataDocument>(json, Options)
        ?? throw new JsonException("The base-data document is empty.");

    public static async Task<BaseDataDocument> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BaseDataDocument>(stream, Options, cancellationToken)
            ?? throw new JsonException($"The base-data document {path} is empty.");
    }
}
