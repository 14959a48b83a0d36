using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>outbound_messages</c>: the last reported state of each instruction a bank link sends, from
/// the outbound.* facts. Every kind upserts (the row appears even if its queued fact predates the
/// projection) and only a fact at least as recent as the row's last one changes it. Attempts and
/// the last error are those of the last fact: the link records no fact per failed attempt.
/// Delivered and closed messages leave the link's state, so this table is their only history and
/// carries everything the operator's link view shows (<c>OutboundMessageLog</c> in NonTax.Infrastructure).
/// </summary>
public sealed class OutboundMessageProjector : FactProjector
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

    public OutboundMessageProjector()
    {
        On<OutboundQueued>((batch, fact, queued) =>
            Upsert(batch, fact, queued, new Change("pending", null, null, null, null, Finished: false, AfterAttempt: false, null)));
        On<OutboundRetried>((batch, fact, retried) =>
            Upsert(batch, fact, retried, new Change("pending", null, null, null, null, Finished: false, AfterAttempt: false, null)));
        On<OutboundDelivered>((batch, fact, delivered) =>
            Upsert(batch, fact, delivered, new Change("delivered", delivered.Detail.Attempts, delivered.Detail.Result, null, null,
                Finished: true, AfterAttempt: true, delivered.Detail.Information)));
        On<OutboundDead>((batch, fact, dead) =>
            Upsert(batch, fact, dead, new Change("dead", dead.Detail.Attempts, null, dead.Detail.LastError, null, Finished: true, AfterAttempt: true, null)));
        On<OutboundClosed>((batch, fact, closed) =>
            Upsert(batch, fact, closed, new Change("closed", null, null, null, closed.Detail.Reason, Finished: true, AfterAttempt: false, null)));
    }

    // The fact's instant stands for queued_at on the insert branch (an existing row keeps its
    // own) and for the last attempt of a delivered or dead message, recorded as that attempt ended.
    private static void Upsert(NpgsqlBatch batch, BusinessFact fact, IOutboundFact message, Change change) =>
        ProjectionCommand.Add(batch, UpsertSql,
            Text(message.Peer),
            Text(message.InstructionId),
            Text(message.MsgNo),
            Text(message.MsgId),
            Text(message.BusinessNo),
            Text(change.Status),
            Int(change.Attempts),
            Text(change.Result),
            Text(change.Error),
            Text(change.ClosedReason),
            Instant(fact.OccurredAt),
            Instant(change.Finished ? fact.OccurredAt : null),
            Instant(change.AfterAttempt ? fact.OccurredAt : null),
            Text(change.Information));

    private sealed record Change(string Status, int? Attempts, string? Result, string? Error, string? ClosedReason, bool Finished, bool AfterAttempt, string? Information);
}
