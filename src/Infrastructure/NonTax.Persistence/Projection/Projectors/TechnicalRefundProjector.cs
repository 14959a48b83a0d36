using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>technical_refunds</c>: a row per refund number from refund.pending, finished once by
/// refund.completed or refund.failed (both final in the grain, so only a pending row changes).
/// </summary>
public sealed class TechnicalRefundProjector : IFactProjector
{
    private const string PendingSql = """
        INSERT INTO nontax.technical_refunds (refund_no, refund_type, pay_code, unit_code, bank, ori_tra_no_bus, ori_cfm_date,
            amount, reason, status, requested_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10)
        ON CONFLICT (refund_no) DO NOTHING
        """;

    private const string FinishedSql = """
        UPDATE nontax.technical_refunds
           SET status = $2, bank_result = $3, refund_date = $4, refund_tra_no = $5, information = $6, finished_at = $7
         WHERE refund_no = $1 AND status = 'pending'
        """;

    public bool Handles(string kind) =>
        kind is FactKinds.RefundPending or FactKinds.RefundCompleted or FactKinds.RefundFailed;

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        var payload = FactPayload.Of(fact);
        if (fact.Kind == FactKinds.RefundPending)
        {
            ProjectionCommand.Add(batch, PendingSql,
                Text(payload.Text("refundNo")),
                Int(payload.Int("refundType")),
                Text(payload.Text("payCode")),
                Text(payload.Text("unitCode")),
                Text(payload.Text("bank")),
                Text(payload.Text("oriTraNoBus")),
                Date(payload.Date("oriCfmDate")),
                Money(payload.Money("amount")),
                Text(payload.Text("reason")),
                Instant(fact.OccurredAt));
            return;
        }

        ProjectionCommand.Add(batch, FinishedSql,
            Text(payload.Text("refundNo")),
            Text(fact.Kind == FactKinds.RefundCompleted ? "completed" : "failed"),
            Text(payload.Text("result")),
            Date(payload.Date("refundDate")),
            Text(payload.OptionalText("refundTraNo")),
            Text(payload.OptionalText("information")),
            Instant(fact.OccurredAt));
    }
}
