using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using NonTax.Protocol.Results;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>payment_confirmations</c>: one row per recorded 2612 attempt — revenue (notice.confirmed),
/// duplicate with its refund number (notice.duplicate) or refused with the result code and the
/// amount that was due (notice.confirmation_refused). Keyed by the fact id.
/// </summary>
public sealed class PaymentConfirmationProjector : IFactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.payment_confirmations (confirmation_id, pay_code, unit_code, src, tra_no_bus, cfm_date, cfm_time,
            amount, notice_amount, late_fee, amount_due, pay_mode, bank_outlet, payer_name, payee_acct,
            outcome, result_code, refund_no, recorded_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
        ON CONFLICT (confirmation_id) DO NOTHING
        """;

    public bool Handles(string kind) =>
        kind is FactKinds.NoticeConfirmed or FactKinds.NoticeDuplicate or FactKinds.ConfirmationRefused;

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        var payload = FactPayload.Of(fact);
        var row = fact.Kind == FactKinds.ConfirmationRefused ? Refused(payload) : Accepted(fact, payload);
        ProjectionCommand.Add(batch, InsertSql,
            Text(fact.FactId),
            Text(payload.Text("payCode")),
            Text(payload.Text("unitCode")),
            Text(payload.Text("src")),
            Text(payload.Text("traNoBus")),
            Date(payload.Date("cfmDate")),
            Text(row.CfmTime),
            Money(payload.Money("amount")),
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
    }

    private static Row Accepted(BusinessFact fact, FactPayload payload)
    {
        var duplicate = fact.Kind == FactKinds.NoticeDuplicate;
        return new Row(
            payload.Text("cfmTime"),
            payload.Money("noticeAmount"),
            payload.OptionalMoney("lateFee"),
            AmountDue: null,
            payload.Text("payMode"),
            payload.OptionalText("bankOutlet"),
            payload.OptionalText("payerName"),
            payload.OptionalText("payeeAcct"),
            duplicate ? "duplicate" : "revenue",
            duplicate ? ResultCodes.DuplicatePaymentRefunding : ResultCodes.Success,
            duplicate ? payload.Text("refundNo") : payload.OptionalText("refundNo"));
    }

    private static Row Refused(FactPayload payload) => new(
        CfmTime: null,
        NoticeAmount: null,
        LateFee: null,
        payload.Money("amountDue"),
        PayMode: null,
        BankOutlet: null,
        PayerName: null,
        PayeeAcct: null,
        "refused",
        payload.Text("result"),
        RefundNo: null);

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
