using System.Text.Json;
using System.Text.Json.Serialization;

namespace NonTax.Protocol.Nodes;

/// <summary>
/// Writes a <see cref="NodeKind"/> by its name (<c>"AgentBank"</c>, <c>"PublicPaymentPlatform"</c>…)
/// and reads those names in any casing, plus <c>"PaymentPlatform"</c>: the operator API wrote that
/// for <c>G000001</c> before the peer registry used <see cref="NodeKind"/>, and saved answers or
/// scripts may still hold it.
/// </summary>
public sealed class NodeKindJsonConverter : JsonConverter<NodeKind>
{
    /// <summary>The name the peer registry's own enum gave the public payment platform.</summary>
    public const string FormerPaymentPlatformName = "PaymentPlatform";

    /// <inheritdoc />
    public override NodeKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A node kind is a name such as \"{nameof(NodeKind.AgentBank)}\", not {reader.TokenType}.");
        }

        var name = reader.GetString();
        if (string.Equals(name, FormerPaymentPlatformName, StringComparison.OrdinalIgnoreCase))
        {
            return NodeKind.PublicPaymentPlatform;
        }

        // Only names: Enum.TryParse would also take "2" or "AgentBank, UnitPlatform".
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            if (string.Equals(name, kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new JsonException($"'{name}' is not a node kind ({string.Join(", ", Enum.GetNames<NodeKind>())}).");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, NodeKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Enum.IsDefined(value) ? value.ToString() : throw new JsonException($"{(int)value} is not a node kind."));
    }
}
