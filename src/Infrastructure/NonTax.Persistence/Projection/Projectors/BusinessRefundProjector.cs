using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>business_refunds</c>: a row per business refund from refund.applied; refund.approved and
/// refund.rejected decide an applied row, refund.completed / refund.failed finish an approved one.
/// Technical refunds' results (numbers starting "T") match no row here and change nothing.
/// </summary>
public sealed class BusinessRefundProjector : FactProjector
{
    private const string AppliedSql = """
        INSERT INTO nontax.business_refunds (refund_no, application_no, pay_code, unit_code, amount, paid, ori_src, ori_tra_no_bus,
            ori_cfm_date, reason, status, applied_by, applied_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'applied', $11, $12)
        ON CONFLICT (refund_no) DO NOTHING
        """;

    private const string DecidedSql = """
        UPDATE nontax.business_refunds
           SET status = $2, bank = $3, decided_by = $4, decided_at = $5, decision_note = $6
         WHERE refund_no = $1 AND status = 'applied'
        """;

    private const string FinishedSql = """
        UPDATE nontax.business_refunds
           SET status = $2, bank_result = $3, refund_date = $4, refund_tra_no = $5, information = $6, finished_at = $7
         WHERE refund_no = $1 AND status = 'approved'
        """;

    public BusinessRefundProjector()
    {
        On<RefundApplied>((batch, fact, applied) =>
            ProjectionCommand.Add(batch, AppliedSql,
                Text(applied.RefundNo),
                Text(applied.ApplicationNo),
                Text(applied.PayCode),
                Text(applied.UnitCode),
                Money(applied.Amount),
                Money(applied.Paid),
                Text(applied.OriSrc),
                Text(applied.OriTraNoBus),
                Date(applied.OriCfmDate),
                Text(applied.Reason),
                Text(applied.AppliedBy),
                Instant(fact.OccurredAt)));
        On<RefundApproved>((batch, fact, approved) =>
            ProjectionCommand.Add(batch, DecidedSql,
                Text(approved.RefundNo), Text("approved"), Text(approved.Bank), Text(approved.ApprovedBy), Instant(fact.OccurredAt), Text(approved.Note)));
        On<RefundRejected>((batch, fact, rejected) =>
            ProjectionCommand.Add(batch, DecidedSql,
                Text(rejected.RefundNo), Text("rejected"), Text(null), Text(rejected.RejectedBy), Instant(fact.OccurredAt), Text(rejected.Reason)));
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
