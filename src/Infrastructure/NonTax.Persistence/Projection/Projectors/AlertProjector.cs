using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>alerts</c>: what needs a person. An outbound message parked as dead (outbound.dead) says
/// what was not delivered to whom and why; an <see cref="AlertRaised"/> fact carries its own kind,
/// subject and severity. The fact id is the alert id, so raising the same alert twice adds nothing.
/// </summary>
public sealed class AlertProjector : FactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.alerts (alert_id, kind, subject, what, why, raised_at, details, severity)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (alert_id) DO NOTHING
        """;

    public AlertProjector()
    {
        On<OutboundDead>(RaiseDead);
        On<AlertRaised>(Raise);
    }

    private static void RaiseDead(NpgsqlBatch batch, BusinessFact fact, OutboundDead dead)
    {
        var what = $"{dead.MsgNo} {dead.BusinessNo} to {dead.Peer} not delivered after {dead.Detail.Attempts} attempts";
        Insert(batch, fact, fact.Kind, dead.Peer, what, dead.Detail.LastError, AlertSeverity.Critical);
    }

    private static void Raise(NpgsqlBatch batch, BusinessFact fact, AlertRaised alert) =>
        Insert(batch, fact, alert.AlertKind, alert.Subject, alert.What, alert.Why, alert.Severity);

    private static void Insert(NpgsqlBatch batch, BusinessFact fact, string kind, string subject, string what, string? why, AlertSeverity severity) =>
        ProjectionCommand.Add(batch, InsertSql,
            Text(fact.FactId),
            Text(kind),
            Text(subject),
            Text(what),
            Text(why),
            Instant(fact.OccurredAt),
            Json(fact.PayloadJson),
            Text(severity.ToString().ToLowerInvariant()));
}
