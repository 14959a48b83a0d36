using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>alerts</c>: an outbound message parked as dead (outbound.dead) needs a person, so it raises
/// an alert saying what was not delivered to whom and why; staff acknowledge it later.
/// </summary>
public sealed class AlertProjector : FactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.alerts (alert_id, kind, subject, what, why, raised_at, details)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (alert_id) DO NOTHING
        """;

    public AlertProjector() => On<OutboundDead>(Raise);

    private static void Raise(NpgsqlBatch batch, BusinessFact fact, OutboundDead dead)
    {
        var what = $"{dead.MsgNo} {dead.BusinessNo} to {dead.Peer} not delivered after {dead.Detail.Attempts} attempts";
        ProjectionCommand.Add(batch, InsertSql,
            Text(fact.FactId),
            Text(fact.Kind),
            Text(dead.Peer),
            Text(what),
            Text(dead.Detail.LastError),
            Instant(fact.OccurredAt),
            Json(fact.PayloadJson));
    }
}
