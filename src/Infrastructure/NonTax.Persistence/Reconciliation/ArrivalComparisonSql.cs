namespace NonTax.Persistence.Reconciliation;

/// <summary>
/// The 2557 comparison: the bank's credits (<c>reconciliation_arrivals</c>) against what the system
/// knows arrived in its accounts at that bank on the day — payments accepted into the account paid
/// into (<c>payment_confirmations</c>, revenue and duplicates, keyed by TraNoBus) and credits the
/// bank reported (<c>account_movements</c> 'in': 2615/2616/2619, keyed by TraNo) — matched on the
/// bank's transaction number, all inside PostgreSQL. $1 bank node, $2 business day, $3 run.
/// </summary>
internal static class ArrivalComparisonSql
{
    public const string MsgNo = "2557";

    private const string Finance = """
        fin AS (
            SELECT f.tra_no_bus AS tra_no, coalesce(f.payee_acct, '') AS acct_no, f.amount, f.pay_code
              FROM nontax.payment_confirmations f
             WHERE f.src = $1 AND f.cfm_date = $2 AND f.outcome IN ('revenue', 'duplicate')
            UNION ALL
            SELECT m.reference_no, m.account_no, m.amount, coalesce(m.pay_code, '')
              FROM nontax.account_movements m
             WHERE m.bank_node = $1 AND m.business_day = $2 AND m.direction = 'in')
        """;

    /// <summary>Every difference of the run, upserted on its identity as the 2555 comparison does.</summary>
    public const string UpsertDifferences = $"""
        WITH {Finance},
        found AS (
            SELECT b.tra_no AS record_key, coalesce(f.pay_code, b.pay_code) AS pay_code, b.tra_no, b.acct_no,
                   x.diff_type, x.field, x.bank_value, x.finance_value
              FROM nontax.reconciliation_arrivals b
              LEFT JOIN fin f ON f.tra_no = b.tra_no
             CROSS JOIN LATERAL (
                   SELECT 1 AS diff_type, '' AS field, b.amount::text AS bank_value, NULL::text AS finance_value WHERE f.tra_no IS NULL
                   UNION ALL SELECT 3, 'Amt', b.amount::text, f.amount::text WHERE f.tra_no IS NOT NULL AND f.amount <> b.amount
                   UNION ALL SELECT 4, 'AcctNo', b.acct_no, f.acct_no WHERE f.tra_no IS NOT NULL AND f.acct_no <> b.acct_no
                   UNION ALL SELECT 4, 'PayCode', b.pay_code, f.pay_code WHERE f.tra_no IS NOT NULL AND b.pay_code <> '' AND f.pay_code <> b.pay_code
                  ) x
             WHERE b.bank_node = $1 AND b.business_day = $2
            UNION ALL
            SELECT f.tra_no, f.pay_code, f.tra_no, f.acct_no, 2, '', NULL, f.amount::text
              FROM fin f
             WHERE NOT EXISTS (SELECT 1 FROM nontax.reconciliation_arrivals b
                                WHERE b.bank_node = $1 AND b.business_day = $2 AND b.tra_no = f.tra_no)
        )
        INSERT INTO nontax.reconciliation_differences AS d
               (bank_node, business_day, msg_no, record_key, diff_type, field, pay_code, tra_no_bus, account_no, bank_value, finance_value, first_run, last_run, status)
        SELECT $1, $2, '{MsgNo}', record_key, diff_type, field, pay_code, tra_no, acct_no, bank_value, finance_value, $3, $3, 'open'
          FROM found
        ON CONFLICT (bank_node, business_day, msg_no, record_key, diff_type, field) DO UPDATE
           SET status = CASE WHEN d.status = 'resolved'
                              AND d.bank_value IS NOT DISTINCT FROM EXCLUDED.bank_value
                              AND d.finance_value IS NOT DISTINCT FROM EXCLUDED.finance_value
                             THEN 'resolved' ELSE 'open' END,
               pay_code = EXCLUDED.pay_code,
               account_no = EXCLUDED.account_no,
               bank_value = EXCLUDED.bank_value,
               finance_value = EXCLUDED.finance_value,
               last_run = EXCLUDED.last_run,
               cleared_run = NULL,
               cleared_at = NULL
        """;

    /// <summary>The credits of the bank's file and of the system's day, and what matched (a bank row without a difference in this run).</summary>
    public const string Summary = $"""
        WITH {Finance}
        SELECT (SELECT count(*) FROM nontax.reconciliation_arrivals WHERE bank_node = $1 AND business_day = $2),
               (SELECT coalesce(sum(amount), 0) FROM nontax.reconciliation_arrivals WHERE bank_node = $1 AND business_day = $2),
               (SELECT count(*) FROM fin),
               (SELECT coalesce(sum(amount), 0) FROM fin),
               m.matched_count, m.matched_amount
          FROM (SELECT count(*) AS matched_count, coalesce(sum(b.amount), 0) AS matched_amount
                  FROM nontax.reconciliation_arrivals b
                 WHERE b.bank_node = $1 AND b.business_day = $2
                   AND NOT EXISTS (SELECT 1 FROM nontax.reconciliation_differences d
                                    WHERE d.bank_node = $1 AND d.business_day = $2 AND d.msg_no = '{MsgNo}'
                                      AND d.record_key = b.tra_no AND d.last_run = $3)) m
        """;
}
