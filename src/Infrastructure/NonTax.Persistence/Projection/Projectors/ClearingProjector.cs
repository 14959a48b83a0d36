using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>clearing_rules</c> / <c>clearing_rule_shares</c> from the rule grains' proposals and
/// decisions (a decision only leaves 'proposed'), and <c>clearing_days</c> / <c>clearing_lines</c>
/// from the day grains' instructions and the banks' results (a result only leaves 'instructed').
/// </summary>
public sealed class ClearingProjector : FactProjector
{
    private const string InsertRuleSql = """
        INSERT INTO nontax.clearing_rules (item_code, version, effective_from, fund_type, remit_mode, remainder_account_no, proposed_by, proposed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (item_code, version) DO NOTHING
        """;

    private const string InsertShareSql = """
        INSERT INTO nontax.clearing_rule_shares (item_code, version, share_no, budget_level, account_no, account_name, bank_no, ratio)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (item_code, version, share_no) DO NOTHING
        """;

    private const string DecideSql = """
        UPDATE nontax.clearing_rules SET status = $3, decided_by = $4, decided_at = $5, reason = $6
         WHERE item_code = $1 AND version = $2 AND status = 'proposed'
        """;

    private const string InsertDaySql = """
        INSERT INTO nontax.clearing_days (bank_node, business_day, clear_no, status, line_count, amount, instructed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (bank_node, business_day) DO NOTHING
        """;

    private const string InsertLineSql = """
        INSERT INTO nontax.clearing_lines (clear_no, line_no, pay_acct, rec_acct, rec_acct_name, item_code, fund_type, budget_level, amount, rule_version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        ON CONFLICT (clear_no, line_no) DO NOTHING
        """;

    private const string ResultSql = """
        UPDATE nontax.clearing_days SET status = $2, result = $3, result_information = $4, exec_date = $5, finished_at = $6
         WHERE clear_no = $1 AND status = 'instructed'
        """;

    private const string LineResultSql = """
        UPDATE nontax.clearing_lines SET result = $3, tra_no = $4 WHERE clear_no = $1 AND line_no = $2 AND result IS NULL
        """;

    public ClearingProjector()
    {
        On<ClearingRuleProposed>(Proposed);
        On<ClearingRuleDecided>((batch, fact, d) => ProjectionCommand.Add(batch, DecideSql,
            Text(d.ItemCode), Int(d.Version), Text(d.Approved ? "approved" : "rejected"), Text(d.Operator), Instant(fact.OccurredAt), Text(d.Reason)));
        On<ClearingInstructed>(Instructed);
        On<ClearingResultRecorded>(ResultRecorded);
    }

    private static void Proposed(NpgsqlBatch batch, BusinessFact fact, ClearingRuleProposed p)
    {
        ProjectionCommand.Add(batch, InsertRuleSql,
            Text(p.ItemCode), Int(p.Version), Date(p.EffectiveFrom), Text(p.FundType), Int(p.RemitMode), Text(p.RemainderAccountNo),
            Text(p.Operator), Instant(fact.OccurredAt));
        for (var i = 0; i < p.Shares.Count; i++)
        {
            var s = p.Shares[i];
            ProjectionCommand.Add(batch, InsertShareSql,
                Text(p.ItemCode), Int(p.Version), Int(i + 1), Int(s.BudgetLevel), Text(s.AccountNo), Text(s.AccountName),
                Text(s.BankNo.Length == 0 ? null : s.BankNo), Number(s.Ratio));
        }
    }

    private static void Instructed(NpgsqlBatch batch, BusinessFact fact, ClearingInstructed c)
    {
        ProjectionCommand.Add(batch, InsertDaySql,
            Text(c.BankNode), Date(c.BusinessDay), Text(c.ClearNo), Text(c.Lines.Count == 0 ? "nothing" : "instructed"),
            Int(c.Lines.Count), Money(c.Amount), Instant(fact.OccurredAt));
        foreach (var l in c.Lines)
        {
            ProjectionCommand.Add(batch, InsertLineSql,
                Text(c.ClearNo), Int(l.LineNo), Text(l.PayAcct), Text(l.RecAcct), Text(l.RecAcctName), Text(l.ItemCode), Text(l.FundType),
                Int(l.BudgetLevel), Money(l.Amount), Int(l.RuleVersion));
        }
    }

    private static void ResultRecorded(NpgsqlBatch batch, BusinessFact fact, ClearingResultRecorded r)
    {
        ProjectionCommand.Add(batch, ResultSql,
            Text(r.ClearNo), Text(r.Result == "00000" ? "cleared" : "failed"), Text(r.Result), Text(r.Information), Date(r.ExecDate), Instant(fact.OccurredAt));
        foreach (var l in r.Lines)
        {
            ProjectionCommand.Add(batch, LineResultSql, Text(r.ClearNo), Int(l.LineNo), Text(l.Result), Text(l.TraNo));
        }
    }
}
