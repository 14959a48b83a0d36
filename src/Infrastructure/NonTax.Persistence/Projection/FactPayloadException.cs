using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Persistence.Projection;

/// <summary>
/// A fact's payload lacks a field a projection needs, or holds it in the wrong format. Thrown while
/// the commit is being assembled, so the grain write fails instead of projecting a half-empty row.
/// </summary>
public sealed class FactPayloadException(BusinessFact fact, string field, string problem)
    : InvalidOperationException($"Fact {fact.FactId} ({fact.Kind}): field '{field}' {problem}.")
{
    public string FactId { get; } = fact.FactId;

    public string Field { get; } = field;
}
