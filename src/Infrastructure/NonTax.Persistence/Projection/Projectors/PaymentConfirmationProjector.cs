using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Protocol.Results;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>payment_confirmations</c>: one row per recorded 2612 attempt — revenue (notice.confirmed),
/// duplicate with its refund number (notice.duplicate) or refused with the result code and the
/// amount that was due (notice.confirmation_refused). Keyed by the fact id.
/// </summary>
public sealed class PaymentConfirmationProjector : FactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.payment_confirmations (confirmation_id, pay_code, unit_code, src, tra_no_bus, cfm_date, cfm_time,
            amount, notice_amount, late_fee, amount_due, pay_mode, bank_outlet, payer_name, payee_acct,
            outcome, result_code, refund_no, recorded_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
        ON CONFLICT (confirmation_id) DO NOTHING
        """;

    public PaymentConfirmationProjector()
    {
        On<NoticeConfirmed>((batch, fact, revenue) => Accepted(batch, fact, revenue, "revenue", ResultCodes.Success, revenue.RefundNo));
        On<NoticeDuplicate>((batch, fact, duplicate) =>
            Accepted(batch, fact, duplicate, "duplicate", ResultCodes.DuplicatePaymentRefunding, duplicate.RefundNo));
        On<ConfirmationRefused>((batch, fact, refused) =>
            Add(batch, fact, refused.PayCode, refused.UnitCode, refused.Src, refused.TraNoBus, refused.CfmDate, refused.Amount, new Row(
                CfmTime: null,
                NoticeAmount: null,
                LateFee: null,
                refused.AmountDue,
                PayMode: null,
                BankOutlet: null,
                PayerName: null,
                PayeeAcct: null,
                "refused",
                refused.Result,
                RefundNo: null)));
    }

    private static void Accepted(NpgsqlBatch batch, BusinessFact fact, AcceptedConfirmation c, string outcome, string resultCode,
        string? refundNo) =>
        Add(batch, fact, c.PayCode, c.UnitCode, c.Src, c.TraNoBus, c.CfmDate, c.Amount, new Row(
            c.CfmTime,
            c.NoticeAmount,
            c.LateFee,
            AmountDue: null,
            c.PayMode,
            c.BankOutlet,
            c.PayerName,
            c.PayeeAcct,
            outcome,
            resultCode,
            refundNo));

    private static void Add(NpgsqlBatch batch, BusinessFact fact, string payCode, string unitCode, string src, string traNoBus,
        DateOnly cfmDate, decimal amount, Row row) =>
        ProjectionCommand.Add(batch, InsertSql,
            Text(fact.FactId),
            Text(payCode),
            Text(unitCode),
            Text(src),
            Text(traNoBus),
            Date(cfmDate),
            Text(row.CfmTime),
            Money(amount),
            Money(row.NoticeAmount),
            Money(row.LateFee),
            Money(row.AmountDue),
            Text(row.PayMode),
            Text(row.BankOutlet),
            Text(row.PayerName),
            Text(row.PayeeAcct),
            Text(row.Outcome),
            Text(row.ResultCode),
            Text(row.RefundNo),
            Instant(fact.OccurredAt));

    private sealed record Row(
        string? CfmTime,
        decimal? NoticeAmount,
        decimal? LateFee,
        decimal? AmountDue,
        string? PayMode,
        string? BankOutlet,
        string? PayerName,
        string? PayeeAcct,
        string Outcome,
        string ResultCode,
        string? RefundNo);
}
