namespace NonTax.Persistence.Reconciliation;

/// <summary>
/// The 2556 (fiscal accounts) and 2581 (units' supervised accounts) comparison, one row per
/// account: the bank's day of the account against the system's — credits as the 2557 comparison
/// counts them, debits from <c>account_movements</c> 'out' (2613 transfers, executed 2614 clearing
/// and 2618 remittance) — and the bank's opening balance against the opening the system expects.
/// A 2581 covers the accounts its file names; a 2556 every other account with activity at the bank.
/// The same run first writes each account's day to <c>bank_account_days</c> (<see cref="UpsertAccountDays"/>:
/// expected and stated figures side by side, read by the BankAccount grains), and the balance
/// difference is read from that row, so the expected balance is computed once. $1 bank node,
/// $2 business day, $3 run.
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

    /// <summary>
    /// Each account's day of the file: every account the bank stated and every account of the
    /// system's day the file covers. The expected opening is the closing accepted for the account's
    /// latest earlier day here — the bank's stated closing when it stated one (so a gap is reported
    /// once, on the day it shows), else the expected closing — or, on the first day the system
    /// knows the account, the bank's own opening (nothing to check against). Expected closing =
    /// expected opening + recorded in − recorded out. A closed row a re-run leaves as it was stays
    /// closed (closed_run follows run); one it changes is open to be closed again by its grain.
    /// </summary>
    public static string UpsertAccountDays(string msgNo) => $"""
        WITH {Finance(msgNo)},
        accounts AS (
            SELECT coalesce(b.acct_no, f.acct_no) AS acct_no,
                   coalesce(f.in_num, 0) AS in_num, coalesce(f.in_amount, 0) AS in_amount,
                   coalesce(f.out_num, 0) AS out_num, coalesce(f.out_amount, 0) AS out_amount,
                   b.opening_bal, b.in_num AS bank_in_num, b.in_amount AS bank_in_amount,
                   b.out_num AS bank_out_num, b.out_amount AS bank_out_amount, b.closing_bal
              FROM (SELECT * FROM {Table(msgNo)} WHERE bank_node = $1 AND business_day = $2) b
              FULL JOIN fin f ON f.acct_no = b.acct_no)
        INSERT INTO nontax.bank_account_days AS d
               (account_no, business_day, bank_node, msg_no, run, expected_opening, in_num, in_amount, out_num, out_amount, expected_closing,
                bank_opening, bank_in_num, bank_in_amount, bank_out_num, bank_out_amount, bank_closing, computed_at)
        SELECT a.acct_no, $2, $1, '{msgNo}', $3, e.opening, a.in_num, a.in_amount, a.out_num, a.out_amount, e.opening + a.in_amount - a.out_amount,
               a.opening_bal, a.bank_in_num, a.bank_in_amount, a.bank_out_num, a.bank_out_amount, a.closing_bal, now()
          FROM accounts a
          LEFT JOIN LATERAL (
                SELECT coalesce(p.bank_closing, p.expected_closing) AS closing
                  FROM nontax.bank_account_days p
                 WHERE p.account_no = a.acct_no AND p.business_day < $2
                 ORDER BY p.business_day DESC
                 LIMIT 1) prior ON true
         CROSS JOIN LATERAL (SELECT coalesce(prior.closing, a.opening_bal) AS opening) e
        ON CONFLICT (account_no, business_day) DO UPDATE
           SET closed_run = CASE WHEN d.closed_run = d.run
                                  AND (d.bank_node, d.msg_no, d.expected_opening, d.in_num, d.in_amount, d.out_num, d.out_amount, d.expected_closing,
                                       d.bank_opening, d.bank_in_num, d.bank_in_amount, d.bank_out_num, d.bank_out_amount, d.bank_closing)
                                      IS NOT DISTINCT FROM
                                      (EXCLUDED.bank_node, EXCLUDED.msg_no, EXCLUDED.expected_opening, EXCLUDED.in_num, EXCLUDED.in_amount,
                                       EXCLUDED.out_num, EXCLUDED.out_amount, EXCLUDED.expected_closing, EXCLUDED.bank_opening, EXCLUDED.bank_in_num,
                                       EXCLUDED.bank_in_amount, EXCLUDED.bank_out_num, EXCLUDED.bank_out_amount, EXCLUDED.bank_closing)
                                 THEN EXCLUDED.run ELSE d.closed_run END,
               bank_node = EXCLUDED.bank_node, msg_no = EXCLUDED.msg_no, run = EXCLUDED.run,
               expected_opening = EXCLUDED.expected_opening, in_num = EXCLUDED.in_num, in_amount = EXCLUDED.in_amount,
               out_num = EXCLUDED.out_num, out_amount = EXCLUDED.out_amount, expected_closing = EXCLUDED.expected_closing,
               bank_opening = EXCLUDED.bank_opening, bank_in_num = EXCLUDED.bank_in_num, bank_in_amount = EXCLUDED.bank_in_amount,
               bank_out_num = EXCLUDED.bank_out_num, bank_out_amount = EXCLUDED.bank_out_amount, bank_closing = EXCLUDED.bank_closing,
               computed_at = EXCLUDED.computed_at
        """;

    /// <summary>Account days an earlier run of this file wrote that this run no longer has (a corrected file dropped the account).</summary>
    public static string DeleteStaleAccountDays(string msgNo) => $"""
        DELETE FROM nontax.bank_account_days
         WHERE bank_node = $1 AND business_day = $2 AND msg_no = '{msgNo}' AND run <> $3
        """;

    public static string UpsertDifferences(string msgNo) => $"""
        WITH {Finance(msgNo)},
        found AS (
            SELECT b.acct_no, x.diff_type, x.field, x.bank_value, x.finance_value
              FROM {Table(msgNo)} b
              LEFT JOIN fin f ON f.acct_no = b.acct_no
              LEFT JOIN nontax.bank_account_days p ON p.account_no = b.acct_no AND p.business_day = $2
             CROSS JOIN LATERAL (
                   SELECT 1 AS diff_type, '' AS field, b.in_amount::text || '/' || b.out_amount::text AS bank_value, NULL::text AS finance_value
                    WHERE f.acct_no IS NULL AND (b.in_num <> 0 OR b.out_num <> 0)
                   UNION ALL SELECT 3, 'InAmt', b.in_amount::text, coalesce(f.in_amount, 0)::text
                    WHERE (f.acct_no IS NOT NULL OR b.in_num = 0 AND b.out_num = 0) AND b.in_amount <> coalesce(f.in_amount, 0)
                   UNION ALL SELECT 3, 'OutAmt', b.out_amount::text, coalesce(f.out_amount, 0)::text
                    WHERE (f.acct_no IS NOT NULL OR b.in_num = 0 AND b.out_num = 0) AND b.out_amount <> coalesce(f.out_amount, 0)
                   UNION ALL SELECT 4, 'InNum', b.in_num::text, f.in_num::text WHERE f.acct_no IS NOT NULL AND b.in_num <> f.in_num
                   UNION ALL SELECT 4, 'OutNum', b.out_num::text, f.out_num::text WHERE f.acct_no IS NOT NULL AND b.out_num <> f.out_num
                   UNION ALL SELECT 4, 'OpeningBal', b.opening_bal::text, p.expected_opening::text WHERE p.expected_opening <> b.opening_bal
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
