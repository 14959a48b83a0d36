using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>remittances</c> / <c>remittance_lines</c> from the day grains' instructions (a RemitNo is
/// inserted once) and the banks' results (a result only leaves 'instructed'), a refused one re-sent
/// ('resent', naming its successor, which names it back); <c>remittance_days</c>
/// from the day's changes (only a newer write number replaces the row).
/// </summary>
public sealed class RemittanceProjector : FactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.remittances (remit_no, bank_node, business_day, remit_type, pay_acct, tre_code, tre_name, budget_level, amount, pay_code, instructed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        ON CONFLICT (remit_no) DO NOTHING
        """;

    private const string InsertLineSql = """
        INSERT INTO nontax.remittance_lines (remit_no, line_no, item_code, budget_subject, fund_type, amount, pay_code, rule_version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (remit_no, line_no) DO NOTHING
        """;

    private const string ResultSql = """
        UPDATE nontax.remittances SET status = $2, result = $3, remit_date = $4, tra_no = $5, information = $6, finished_at = $7
         WHERE remit_no = $1 AND status = 'instructed'
        """;

    // The successor's row is inserted by its remittance.instructed, recorded before this fact in the same write.
    private const string ResentSql = """
        UPDATE nontax.remittances SET status = 'resent', resent_as = $2 WHERE remit_no = $1 AND status = 'failed'
        """;

    private const string ResendOfSql = """
        UPDATE nontax.remittances SET resend_of = $1 WHERE remit_no = $2 AND resend_of IS NULL
        """;

    private const string DaySql = """
        INSERT INTO nontax.remittance_days (bank_node, business_day, status, instructions, amount, remitted, failed, waiting_for, version, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        ON CONFLICT (bank_node, business_day) DO UPDATE SET
            status = EXCLUDED.status, instructions = EXCLUDED.instructions, amount = EXCLUDED.amount, remitted = EXCLUDED.remitted,
            failed = EXCLUDED.failed, waiting_for = EXCLUDED.waiting_for, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
         WHERE nontax.remittance_days.version < EXCLUDED.version
        """;

    public RemittanceProjector()
    {
        On<RemittanceInstructed>(Instructed);
        On<RemittanceResultRecorded>((batch, fact, r) => ProjectionCommand.Add(batch, ResultSql,
            Text(r.RemitNo), Text(r.Result == "00000" ? "remitted" : "failed"), Text(r.Result), Date(r.RemitDate), Text(r.TraNo),
            Text(r.Information), Instant(fact.OccurredAt)));
        On<RemittanceResent>((batch, _, r) =>
        {
            ProjectionCommand.Add(batch, ResentSql, Text(r.RemitNo), Text(r.ResentAs));
            ProjectionCommand.Add(batch, ResendOfSql, Text(r.RemitNo), Text(r.ResentAs));
        });
        On<RemittanceDayChanged>((batch, fact, d) => ProjectionCommand.Add(batch, DaySql,
            Text(d.BankNode), Date(d.BusinessDay), Text(d.Status), Int(d.Instructions), Money(d.Amount), Int(d.Remitted), Int(d.Failed),
            Text(d.WaitingFor), Int(d.Version), Instant(fact.OccurredAt)));
    }

    private static void Instructed(NpgsqlBatch batch, BusinessFact fact, RemittanceInstructed r)
    {
        ProjectionCommand.Add(batch, InsertSql,
            Text(r.RemitNo), Text(r.BankNode), Date(r.BusinessDay), Int(r.RemitType), Text(r.PayAcct), Text(r.TreCode), Text(r.TreName),
            Int(r.BudgetLevel), Money(r.Amount), Text(r.PayCode), Instant(fact.OccurredAt));
        foreach (var l in r.Lines)
        {
            ProjectionCommand.Add(batch, InsertLineSql,
                Text(r.RemitNo), Int(l.LineNo), Text(l.ItemCode), Text(l.BudgetSubject), Text(l.FundType), Money(l.Amount), Text(l.PayCode), Int(l.RuleVersion));
        }
    }
}
