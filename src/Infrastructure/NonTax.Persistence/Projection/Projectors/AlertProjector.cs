using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>alerts</c>: an outbound message parked as dead (outbound.dead) needs a person, so it raises
/// an alert saying what was not delivered to whom and why; staff acknowledge it later.
/// </summary>
public sealed class AlertProjector : IFactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.alerts (alert_id, kind, subject, what, why, raised_at, details)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (alert_id) DO NOTHING
        """;

    public bool Handles(string kind) => kind == FactKinds.OutboundDead;

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        var payload = FactPayload.Of(fact);
        var detail = payload.Object("detail");
        var peer = payload.Text("peer");
        var what = $"{payload.Text("msgNo")} {payload.Text("businessNo")} to {peer} not delivered after {detail.Int("attempts")} attempts";
        ProjectionCommand.Add(batch, InsertSql,
            Text(fact.FactId),
            Text(fact.Kind),
            Text(peer),
            Text(what),
            Text(detail.OptionalText("lastError")),
            Instant(fact.OccurredAt),
            Json(payload.RawJson()));
    }
}
