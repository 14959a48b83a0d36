using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>base_data_changes</c> from basedata.changed: who changed which entity, with the values
/// before and after (the payload carries them as JSON text; stored as jsonb).
/// </summary>
public sealed class BaseDataChangeProjector : IFactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.base_data_changes (entity, key, version, operator, changed_at, before, after)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (entity, key, version) DO NOTHING
        """;

    public bool Handles(string kind) => kind == FactKinds.BaseDataChanged;

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        var payload = FactPayload.Of(fact);
        ProjectionCommand.Add(batch, InsertSql,
            Text(payload.Text("entity")),
            Text(payload.Text("key")),
            Long(payload.Int("version")),
            Text(payload.Text("operator")),
            Instant(fact.OccurredAt),
            Json(payload.OptionalText("before")),
            Json(payload.OptionalText("after")));
    }
}
