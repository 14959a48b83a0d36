using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary><c>unit_blocks</c>: the history of a collecting unit blocked (unit.blocked) and unblocked (unit.unblocked).</summary>
public sealed class UnitBlockProjector : IFactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.unit_blocks (event_id, unit_code, event, reason, previous_reason, business_date, operator, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (event_id) DO NOTHING
        """;

    public bool Handles(string kind) => kind is FactKinds.UnitBlocked or FactKinds.UnitUnblocked;

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        var payload = FactPayload.Of(fact);
        var blocked = fact.Kind == FactKinds.UnitBlocked;
        ProjectionCommand.Add(batch, InsertSql,
            Text(fact.FactId),
            Text(payload.Text("unitCode")),
            Text(blocked ? "blocked" : "unblocked"),
            Text(payload.Text("reason")),
            Text(blocked ? null : payload.OptionalText("previousReason")),
            Date(payload.Date("date")),
            Text(payload.Text("operator")),
            Instant(fact.OccurredAt));
    }
}
