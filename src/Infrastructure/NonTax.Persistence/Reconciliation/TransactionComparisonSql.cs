namespace NonTax.Persistence.Reconciliation;

/// <summary>
/// The 2555 comparison: the bank's payments (<c>reconciliation_payments</c>) against the system's
/// accepted confirmations (<c>payment_confirmations</c>, revenue and duplicates) of that bank,
/// matched on (bank, TraNoBus) — both sides indexed on that key, so PostgreSQL joins them as
/// streams and nothing of the day passes through the silo. $1 bank node, $2 business day, $3 run.
/// </summary>
internal static class TransactionComparisonSql
{
    public const string MsgNo = "2555";

    /// <summary>
    /// Every difference of the run, upserted on its identity (record, type, field): the same data
    /// finds the same rows and only moves last_run; a resolved one stays resolved while its values
    /// are the same, anything else found again is open.
    /// </summary>
    public const string UpsertDifferences = """
        WITH found AS (
            SELECT b.tra_no_bus AS record_key, b.pay_code, b.tra_no_bus, x.diff_type, x.field, x.bank_value, x.finance_value
              FROM nontax.reconciliation_payments b
              LEFT JOIN nontax.payment_confirmations f
                ON f.src = b.bank_node AND f.tra_no_bus = b.tra_no_bus AND f.outcome IN ('revenue', 'duplicate')
             CROSS JOIN LATERAL (
                   SELECT 1 AS diff_type, '' AS field, b.amount::text AS bank_value, NULL::text AS finance_value WHERE f.tra_no_bus IS NULL
                   UNION ALL SELECT 3, 'Amt', b.amount::text, f.amount::text WHERE f.tra_no_bus IS NOT NULL AND f.amount <> b.amount
                   UNION ALL SELECT 4, 'PayCode', b.pay_code, f.pay_code WHERE f.tra_no_bus IS NOT NULL AND f.pay_code <> b.pay_code
                   UNION ALL SELECT 4, 'CfmDate', to_char(b.cfm_date, 'YYYYMMDD'), to_char(f.cfm_date, 'YYYYMMDD')
                              WHERE f.tra_no_bus IS NOT NULL AND f.cfm_date <> b.cfm_date
                   UNION ALL SELECT 4, 'CfmTime', b.cfm_time, f.cfm_time WHERE f.tra_no_bus IS NOT NULL AND f.cfm_time IS DISTINCT FROM b.cfm_time
                   UNION ALL SELECT 4, 'PayMode', b.pay_mode, f.pay_mode
                              WHERE f.tra_no_bus IS NOT NULL AND ltrim(coalesce(f.pay_mode, ''), '0') <> ltrim(b.pay_mode, '0')
                  ) x
             WHERE b.bank_node = $1 AND b.business_day = $2
            UNION ALL
            SELECT f.tra_no_bus, f.pay_code, f.tra_no_bus, 2, '', NULL, f.amount::text
              FROM nontax.payment_confirmations f
             WHERE f.src = $1 AND f.cfm_date = $2 AND f.outcome IN ('revenue', 'duplicate')
               AND NOT EXISTS (SELECT 1 FROM nontax.reconciliation_payments b
                                WHERE b.bank_node = $1 AND b.business_day = $2 AND b.tra_no_bus = f.tra_no_bus)
        )
        INSERT INTO nontax.reconciliation_differences AS d
               (bank_node, business_day, msg_no, record_key, diff_type, field, pay_code, tra_no_bus, bank_value, finance_value, first_run, last_run, status)
        SELECT $1, $2, '2555', record_key, diff_type, field, pay_code, tra_no_bus, bank_value, finance_value, $3, $3, 'open'
          FROM found
        ON CONFLICT (bank_node, business_day, msg_no, record_key, diff_type, field) DO UPDATE
           SET status = CASE WHEN d.status = 'resolved'
                              AND d.bank_value IS NOT DISTINCT FROM EXCLUDED.bank_value
                              AND d.finance_value IS NOT DISTINCT FROM EXCLUDED.finance_value
                             THEN 'resolved' ELSE 'open' END,
               pay_code = EXCLUDED.pay_code,
               bank_value = EXCLUDED.bank_value,
               finance_value = EXCLUDED.finance_value,
               last_run = EXCLUDED.last_run,
               cleared_run = NULL,
               cleared_at = NULL
        """;

    /// <summary>The payments of the bank's file and of the system's day, and what matched (a bank record without any difference in this run).</summary>
    public const string Summary = """
        SELECT (SELECT count(*) FROM nontax.reconciliation_payments WHERE bank_node = $1 AND business_day = $2),
               (SELECT coalesce(sum(amount), 0) FROM nontax.reconciliation_payments WHERE bank_node = $1 AND business_day = $2),
               (SELECT count(*) FROM nontax.payment_confirmations WHERE src = $1 AND cfm_date = $2 AND outcome IN ('revenue', 'duplicate')),
               (SELECT coalesce(sum(amount), 0) FROM nontax.payment_confirmations WHERE src = $1 AND cfm_date = $2 AND outcome IN ('revenue', 'duplicate')),
               m.matched_count, m.matched_amount
          FROM (SELECT count(*) AS matched_count, coalesce(sum(b.amount), 0) AS matched_amount
                  FROM nontax.reconciliation_payments b
                 WHERE b.bank_node = $1 AND b.business_day = $2
                   AND NOT EXISTS (SELECT 1 FROM nontax.reconciliation_differences d
                                    WHERE d.bank_node = $1 AND d.business_day = $2 AND d.msg_no = '2555'
                                      AND d.record_key = b.tra_no_bus AND d.last_run = $3)) m
        """;
}
