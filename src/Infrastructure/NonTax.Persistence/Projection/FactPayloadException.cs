using System.Text.Json;
using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Persistence.Projection;

/// <summary>
/// A fact's payload does not read as its kind's record: a field is missing, null where the record
/// does not allow it, or in the wrong format. Thrown while the commit is being assembled, so the
/// grain write fails instead of projecting a half-empty row.
/// </summary>
public sealed class FactPayloadException(BusinessFact fact, string field, string problem, Exception? inner = null)
    : InvalidOperationException($"Fact {fact.FactId} ({fact.Kind}): field '{field}' {problem}.", inner)
{
    public string FactId { get; } = fact.FactId;

    /// <summary>The field's path inside the payload (<c>amount</c>, <c>lines[0].itemName</c>), or <c>$</c> for the whole object.</summary>
    public string Field { get; } = field;

    internal static FactPayloadException From(BusinessFact fact, JsonException exception)
    {
        var path = exception.Path is null or "$" ? "$" : exception.Path.StartsWith("$.", StringComparison.Ordinal) ? exception.Path[2..] : exception.Path;
        return new FactPayloadException(fact, path, exception.Message, exception);
    }
}
