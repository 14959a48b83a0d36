namespace NonTax.Persistence.Reconciliation;

/// <summary>
/// The 2556 (fiscal accounts) and 2581 (units' supervised accounts) comparison, one row per
/// account: the bank's day of the account against the system's — credits as the 2557 comparison
/// counts them, debits from <c>account_movements</c> 'out' (2613 transfers, executed 2614 clearing
/// and 2618 remittance) — and the bank's opening balance against the closing balance the bank stated
/// for the account the day before. A 2581 covers the accounts its file names; a 2556 every other
/// account with activity at the bank. $1 bank node, $2 business day, $3 run.
/// </summary>
internal static class AccountComparisonSql
{
    public const string FiscalMsgNo = "2556";
    public const string SupervisedMsgNo = "2581";

    /// <summary>The bank's rows of <paramref name="msgNo"/>.</summary>
    public static string Table(string msgNo) =>
        msgNo == SupervisedMsgNo ? "nontax.reconciliation_supervised_days" : "nontax.reconciliation_account_days";

    private static string Finance(string msgNo) => $"""
        credits AS (
            SELECT coalesce(f.payee_acct, '') AS acct_no, f.amount
              FROM nontax.payment_confirmations f
             WHERE f.src = $1 AND f.cfm_date = $2 AND f.outcome IN ('revenue', 'duplicate')
            UNION ALL
            SELECT m.account_no, m.amount FROM nontax.account_movements m
             WHERE m.bank_node = $1 AND m.business_day = $2 AND m.direction = 'in'),
        debits AS (
            SELECT m.account_no AS acct_no, m.amount FROM nontax.account_movements m
             WHERE m.bank_node = $1 AND m.business_day = $2 AND m.direction = 'out'),
        activity AS (
            SELECT acct_no, sum(in_num)::bigint AS in_num, sum(in_amount) AS in_amount, sum(out_num)::bigint AS out_num, sum(out_amount) AS out_amount
              FROM (SELECT acct_no, count(*) AS in_num, sum(amount) AS in_amount, 0 AS out_num, 0 AS out_amount FROM credits GROUP BY acct_no
                    UNION ALL
                    SELECT acct_no, 0, 0, count(*), sum(amount) FROM debits GROUP BY acct_no) a
             GROUP BY acct_no),
        fin AS (
            SELECT a.* FROM activity a
             WHERE {(msgNo == SupervisedMsgNo
                 ? "EXISTS (SELECT 1 FROM nontax.reconciliation_supervised_days s WHERE s.bank_node = $1 AND s.business_day = $2 AND s.acct_no = a.acct_no)"
                 : "NOT EXISTS (SELECT 1 FROM nontax.reconciliation_supervised_days s WHERE s.bank_node = $1 AND s.business_day = $2 AND s.acct_no = a.acct_no)")})
        """;

    public static string UpsertDifferences(string msgNo) => $"""
        WITH {Finance(msgNo)},
        found AS (
            SELECT b.acct_no, x.diff_type, x.field, x.bank_value, x.finance_value
              FROM {Table(msgNo)} b
              LEFT JOIN fin f ON f.acct_no = b.acct_no
              LEFT JOIN {Table(msgNo)} p ON p.bank_node = b.bank_node AND p.business_day = $2 - 1 AND p.acct_no = b.acct_no
             CROSS JOIN LATERAL (
                   SELECT 1 AS diff_type, '' AS field, b.in_amount::text || '/' || b.out_amount::text AS bank_value, NULL::text AS finance_value
                    WHERE f.acct_no IS NULL AND (b.in_num <> 0 OR b.out_num <> 0)
                   UNION ALL SELECT 3, 'InAmt', b.in_amount::text, coalesce(f.in_amount, 0)::text
                    WHERE (f.acct_no IS NOT NULL OR b.in_num = 0 AND b.out_num = 0) AND b.in_amount <> coalesce(f.in_amount, 0)
                   UNION ALL SELECT 3, 'OutAmt', b.out_amount::text, coalesce(f.out_amount, 0)::text
                    WHERE (f.acct_no IS NOT NULL OR b.in_num = 0 AND b.out_num = 0) AND b.out_amount <> coalesce(f.out_amount, 0)
                   UNION ALL SELECT 4, 'InNum', b.in_num::text, f.in_num::text WHERE f.acct_no IS NOT NULL AND b.in_num <> f.in_num
                   UNION ALL SELECT 4, 'OutNum', b.out_num::text, f.out_num::text WHERE f.acct_no IS NOT NULL AND b.out_num <> f.out_num
                   UNION ALL SELECT 4, 'OpeningBal', b.opening_bal::text, p.closing_bal::text WHERE p.acct_no IS NOT NULL AND p.closing_bal <> b.opening_bal
                  ) x
             WHERE b.bank_node = $1 AND b.business_day = $2
            UNION ALL
            SELECT f.acct_no, 2, '', NULL, f.in_amount::text || '/' || f.out_amount::text
              FROM fin f
             WHERE NOT EXISTS (SELECT 1 FROM {Table(msgNo)} b WHERE b.bank_node = $1 AND b.business_day = $2 AND b.acct_no = f.acct_no)
        )
        INSERT INTO nontax.reconciliation_differences AS d
               (bank_node, business_day, msg_no, record_key, diff_type, field, pay_code, tra_no_bus, account_no, bank_value, finance_value, first_run, last_run, status)
        SELECT $1, $2, '{msgNo}', acct_no, diff_type, field, '', '', acct_no, bank_value, finance_value, $3, $3, 'open'
          FROM found
        ON CONFLICT (bank_node, business_day, msg_no, record_key, diff_type, field) DO UPDATE
           SET status = CASE WHEN d.status = 'resolved'
                              AND d.bank_value IS NOT DISTINCT FROM EXCLUDED.bank_value
                              AND d.finance_value IS NOT DISTINCT FROM EXCLUDED.finance_value
                             THEN 'resolved' ELSE 'open' END,
               bank_value = EXCLUDED.bank_value,
               finance_value = EXCLUDED.finance_value,
               last_run = EXCLUDED.last_run,
               cleared_run = NULL,
               cleared_at = NULL
        """;

    /// <summary>Accounts and credits of the bank's file and of the system's day, and the accounts that matched (count; amount: their credits).</summary>
    public static string Summary(string msgNo) => $"""
        WITH {Finance(msgNo)}
        SELECT (SELECT count(*) FROM {Table(msgNo)} WHERE bank_node = $1 AND business_day = $2),
               (SELECT coalesce(sum(in_amount), 0) FROM {Table(msgNo)} WHERE bank_node = $1 AND business_day = $2),
               (SELECT count(*) FROM fin),
               (SELECT coalesce(sum(in_amount), 0) FROM fin),
               m.matched_count, m.matched_amount
          FROM (SELECT count(*) AS matched_count, coalesce(sum(b.in_amount), 0) AS matched_amount
                  FROM {Table(msgNo)} b
                 WHERE b.bank_node = $1 AND b.business_day = $2
                   AND NOT EXISTS (SELECT 1 FROM nontax.reconciliation_differences d
                                    WHERE d.bank_node = $1 AND d.business_day = $2 AND d.msg_no = '{msgNo}'
                                      AND d.record_key = b.acct_no AND d.last_run = $3)) m
        """;
}
