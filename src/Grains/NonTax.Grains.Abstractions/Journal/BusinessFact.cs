namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// One business fact (notice issued, confirmed, duplicate, refund pending…) that a grain records
/// alongside its state. The storage provider writes it to the relational journal in the same
/// transaction as the state, so a fact exists exactly when the state change that caused it does.
/// Grains build it with <see cref="Create{TFact}"/> from a typed payload (<c>Journal/Facts</c>);
/// projections read that payload back with <see cref="FactJson.Read{TFact}"/>.
/// </summary>
/// <param name="FactId">Globally unique and deterministic for the change (e.g. "notice.confirmed:{payCode}:{src}/{traNoBus}"),
/// so a replayed write inserts nothing new.</param>
/// <param name="Kind">Stable machine name of the fact, e.g. <c>notice.issued</c> (<see cref="IFact.Kind"/>).</param>
/// <param name="Subject">The business key the fact is about (payment code, unit code, bank node…).</param>
/// <param name="OccurredAt">When it happened (UTC instant; business dates live in the payload).</param>
/// <param name="PayloadJson">The fact's fields as a JSON object (stored as jsonb).</param>
[GenerateSerializer, Immutable]
public sealed record BusinessFact(
    [property: Id(0)] string FactId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Subject,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] string PayloadJson)
{
    /// <param name="idWithinKind">What makes the fact unique among those of its kind; the fact id is "{kind}:{idWithinKind}".</param>
    public static BusinessFact Create<TFact>(string idWithinKind, string subject, DateTimeOffset at, TFact payload)
        where TFact : IFact =>
        new($"{TFact.Kind}:{idWithinKind}", TFact.Kind, subject, at, FactJson.Serialize(payload));
}
