using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>technical_refunds</c>: a row per refund number from refund.pending, finished once by
/// refund.completed or refund.failed (both final in the grain, so only a pending row changes).
/// </summary>
public sealed class TechnicalRefundProjector : FactProjector
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

    public TechnicalRefundProjector()
    {
        On<RefundPending>((batch, fact, refund) =>
            ProjectionCommand.Add(batch, PendingSql,
                Text(refund.RefundNo),
                Int(refund.RefundType),
                Text(refund.PayCode),
                Text(refund.UnitCode),
                Text(refund.Bank),
                Text(refund.OriTraNoBus),
                Date(refund.OriCfmDate),
                Money(refund.Amount),
                Text(refund.Reason),
                Instant(fact.OccurredAt)));
        On<RefundCompleted>((batch, fact, refund) => Finished(batch, fact, "completed", refund));
        On<RefundFailed>((batch, fact, refund) => Finished(batch, fact, "failed", refund));
    }

    private static void Finished(NpgsqlBatch batch, BusinessFact fact, string status, RefundFinished refund) =>
        ProjectionCommand.Add(batch, FinishedSql,
            Text(refund.RefundNo),
            Text(status),
            Text(refund.Result),
            Date(refund.RefundDate),
            Text(refund.RefundTraNo),
            Text(refund.Information),
            Instant(fact.OccurredAt));
}
