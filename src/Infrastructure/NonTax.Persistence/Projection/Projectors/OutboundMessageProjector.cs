using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>outbound_messages</c>: the last reported state of each instruction a bank link sends, from
/// the outbound.* facts. Every kind upserts (the row appears even if its queued fact predates the
/// projection) and only a fact at least as recent as the row's last one changes it. Attempts and
/// the last error are those of the last fact: the link records no fact per failed attempt.
/// Delivered and closed messages leave the link's state, so this table is their only history and
/// carries everything the operator's link view shows (<see cref="Queries.OutboundMessageLog"/>).
/// </summary>
public sealed class OutboundMessageProjector : IFactProjector
{
    private const string UpsertSql = """
        INSERT INTO nontax.outbound_messages AS m (peer, instruction_id, msg_no, msg_id, business_no, status,
            attempts, last_result, last_error, closed_reason, queued_at, finished_at, last_fact_at, last_attempt_at, answer_information)
        VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, 0), $8, $9, $10, $11, $12, $11, $13, $14)
        ON CONFLICT (peer, instruction_id) DO UPDATE
           SET status = excluded.status,
               attempts = COALESCE($7, m.attempts),
               last_result = COALESCE(excluded.last_result, m.last_result),
               last_error = CASE WHEN excluded.status = 'delivered' THEN NULL ELSE COALESCE(excluded.last_error, m.last_error) END,
               closed_reason = excluded.closed_reason,
               finished_at = excluded.finished_at,
               last_fact_at = excluded.last_fact_at,
               last_attempt_at = COALESCE(excluded.last_attempt_at, m.last_attempt_at),
               answer_information = COALESCE(excluded.answer_information, m.answer_information)
         WHERE m.last_fact_at <= excluded.last_fact_at
        """;

    public bool Handles(string kind) => kind is FactKinds.OutboundQueued or FactKinds.OutboundDelivered
        or FactKinds.OutboundRetried or FactKinds.OutboundClosed or FactKinds.OutboundDead;

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        var payload = FactPayload.Of(fact);
        var detail = payload.Object("detail");
        var change = fact.Kind switch
        {
            FactKinds.OutboundQueued => new Change("pending", null, null, null, null, Finished: false, AfterAttempt: false, null),
            FactKinds.OutboundRetried => new Change("pending", null, null, null, null, Finished: false, AfterAttempt: false, null),
            FactKinds.OutboundDelivered => new Change("delivered", detail.Int("attempts"), detail.Text("result"), null, null, Finished: true, AfterAttempt: true,
                detail.Has("information") ? detail.OptionalText("information") : null),
            FactKinds.OutboundDead => new Change("dead", detail.Int("attempts"), null, detail.OptionalText("lastError"), null, Finished: true, AfterAttempt: true, null),
            FactKinds.OutboundClosed => new Change("closed", null, null, null, detail.Text("reason"), Finished: true, AfterAttempt: false, null),
            _ => throw new FactPayloadException(fact, "kind", "is not an outbound fact"),
        };

        // The fact's instant stands for queued_at on the insert branch (an existing row keeps its
        // own) and for the last attempt of a delivered or dead message, recorded as that attempt ended.
        ProjectionCommand.Add(batch, UpsertSql,
            Text(payload.Text("peer")),
            Text(payload.Text("instructionId")),
            Text(payload.Text("msgNo")),
            Text(payload.Text("msgId")),
            Text(payload.Text("businessNo")),
            Text(change.Status),
            Int(change.Attempts),
            Text(change.Result),
            Text(change.Error),
            Text(change.ClosedReason),
            Instant(fact.OccurredAt),
            Instant(change.Finished ? fact.OccurredAt : null),
            Instant(change.AfterAttempt ? fact.OccurredAt : null),
            Text(change.Information));
    }

    private sealed record Change(string Status, int? Attempts, string? Result, string? Error, string? ClosedReason, bool Finished, bool AfterAttempt, string? Information);
}
