using NonTax.Grains.Abstractions.Journal.Facts;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary><c>direct_debits</c>: a row per DebitNo from directdebit.requested, finished once by directdebit.finished.</summary>
public sealed class DirectDebitProjector : FactProjector
{
    private const string RequestedSql = """
        INSERT INTO nontax.direct_debits (debit_no, pay_code, unit_code, bank, amount, payer_acct, auth_no, requested_by, requested_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (debit_no) DO NOTHING
        """;

    private const string FinishedSql = """
        UPDATE nontax.direct_debits
           SET status = $2, bank_result = $3, debit_date = $4, tra_no_bus = $5, notice_result = $6, information = $7, finished_at = $8
         WHERE debit_no = $1 AND status = 'requested'
        """;

    public DirectDebitProjector()
    {
        On<DirectDebitRequested>((batch, fact, requested) =>
            ProjectionCommand.Add(batch, RequestedSql,
                Text(requested.DebitNo),
                Text(requested.PayCode),
                Text(requested.UnitCode),
                Text(requested.Bank),
                Money(requested.Amount),
                Text(requested.PayerAcct),
                Text(requested.AuthNo),
                Text(requested.RequestedBy),
                Instant(fact.OccurredAt)));
        On<DirectDebitFinished>((batch, fact, finished) =>
            ProjectionCommand.Add(batch, FinishedSql,
                Text(finished.DebitNo),
                Text(finished.Result == "00000" ? "debited" : "failed"),
                Text(finished.Result),
                Date(finished.DebitDate),
                Text(finished.TraNoBus),
                Text(finished.NoticeResult),
                Text(finished.Information),
                Instant(fact.OccurredAt)));
    }
}
