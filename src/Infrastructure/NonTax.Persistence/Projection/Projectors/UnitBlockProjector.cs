using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary><c>unit_blocks</c>: the history of a collecting unit blocked (unit.blocked) and unblocked (unit.unblocked).</summary>
public sealed class UnitBlockProjector : FactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.unit_blocks (event_id, unit_code, event, reason, previous_reason, business_date, operator, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (event_id) DO NOTHING
        """;

    public UnitBlockProjector()
    {
        On<UnitBlocked>((batch, fact, blocked) =>
            Add(batch, fact, blocked.UnitCode, "blocked", blocked.Reason, previousReason: null, blocked.Date, blocked.Operator));
        On<UnitUnblocked>((batch, fact, unblocked) =>
            Add(batch, fact, unblocked.UnitCode, "unblocked", unblocked.Reason, unblocked.PreviousReason, unblocked.Date, unblocked.Operator));
    }

    private static void Add(NpgsqlBatch batch, BusinessFact fact, string unitCode, string @event, string reason, string? previousReason,
        DateOnly date, string operatorName) =>
        ProjectionCommand.Add(batch, InsertSql,
            Text(fact.FactId),
            Text(unitCode),
            Text(@event),
            Text(reason),
            Text(previousReason),
            Date(date),
            Text(operatorName),
            Instant(fact.OccurredAt));
}
