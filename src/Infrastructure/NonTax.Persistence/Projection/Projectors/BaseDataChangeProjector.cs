using NonTax.Grains.Abstractions.Journal.Facts;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>base_data_changes</c> from basedata.changed: who changed which entity, with the values
/// before and after (the payload carries them as JSON text; stored as jsonb).
/// </summary>
public sealed class BaseDataChangeProjector : FactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.base_data_changes (entity, key, version, operator, changed_at, before, after)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (entity, key, version) DO NOTHING
        """;

    public BaseDataChangeProjector() => On<BaseDataChanged>((batch, fact, change) =>
        ProjectionCommand.Add(batch, InsertSql,
            Text(change.Entity),
            Text(change.Key),
            Long(change.Version),
            Text(change.Operator),
            Instant(fact.OccurredAt),
            Json(change.Before),
            Json(change.After)));
}
