using NonTax.Grains.Abstractions.Journal.Facts;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// What staff do with an alert: alert.acknowledged and alert.closed stamp its row in
/// <c>alerts</c>, the first of each only (the columns are set once). The row's trigger tells the
/// monitoring screen (NOTIFY nontax_alerts); the SMS dispatcher stops sending an acknowledged or closed alert.
/// </summary>
public sealed class AlertHandlingProjector : FactProjector
{
    private const string AcknowledgedSql = """
        UPDATE nontax.alerts SET acknowledged_at = $2, acknowledged_by = $3
         WHERE alert_id = $1 AND acknowledged_at IS NULL
        """;

    // Closing an alert nobody acknowledged also acknowledges it: a closed alert needs nobody.
    private const string ClosedSql = """
        UPDATE nontax.alerts
           SET closed_at = $2, closed_by = $3, close_note = $4,
               acknowledged_at = COALESCE(acknowledged_at, $2), acknowledged_by = COALESCE(acknowledged_by, $3)
         WHERE alert_id = $1 AND closed_at IS NULL
        """;

    public AlertHandlingProjector()
    {
        On<AlertAcknowledged>((batch, fact, acknowledged) =>
            ProjectionCommand.Add(batch, AcknowledgedSql, Text(acknowledged.AlertId), Instant(fact.OccurredAt), Text(acknowledged.AcknowledgedBy)));
        On<AlertClosed>((batch, fact, closed) =>
            ProjectionCommand.Add(batch, ClosedSql, Text(closed.AlertId), Instant(fact.OccurredAt), Text(closed.ClosedBy), Text(closed.Note)));
    }
}
