-- Fills a benchmark database with one bank's T+1 day for docs/performance.md "Reconciliation of a
-- large day": the system's side (payment_confirmations, accepted revenue, as the confirmation
-- projector writes them) and the bank's 2555 as the socket edge stores it (reconciliation_batches
-- and reconciliation_payments, batches of 10,000 records, plus the pending mark). The bank's file
-- leaves out record 3 and states record 7 one cent higher, so the comparison must find exactly two
-- differences. Used by deploy/local/bench-reconciliation.sh; never run against a real bureau's
-- database.
--
-- psql variables: bank (node code), day (yyyy-mm-dd), records (how many payments).
\set ON_ERROR_STOP on

BEGIN;
DELETE FROM nontax.payment_confirmations WHERE src = :'bank' AND cfm_date = :'day';
DELETE FROM nontax.reconciliation_payments WHERE bank_node = :'bank' AND business_day = :'day';
DELETE FROM nontax.reconciliation_batches WHERE bank_node = :'bank' AND business_day = :'day';
DELETE FROM nontax.reconciliation_differences WHERE bank_node = :'bank' AND business_day = :'day';

-- Payment codes and TraNoBus of the benchmark's own shape (issuer digits 88: no sandbox unit).
INSERT INTO nontax.payment_confirmations (confirmation_id, pay_code, unit_code, src, tra_no_bus, cfm_date, cfm_time, amount,
       notice_amount, late_fee, amount_due, pay_mode, bank_outlet, payer_name, payee_acct, outcome, result_code, refund_no, recorded_at)
SELECT 'bench:' || :'bank' || ':' || i, '3206822688' || lpad(i::text, 9, '0') || '0', '0104901', :'bank', 'RB' || lpad(i::text, 14, '0'),
       :'day'::date, '101500', (10 + i % 9000)::numeric / 100 * 10, (10 + i % 9000)::numeric / 100 * 10, NULL, NULL, '02', NULL, '张三',
       '32001647236051117660', 'revenue', '00000', NULL, now()
  FROM generate_series(1, :records) AS i;

INSERT INTO nontax.reconciliation_payments (bank_node, business_day, tra_no_bus, batch_no, pay_code, cfm_date, cfm_time, amount, pay_mode)
SELECT :'bank', :'day'::date, 'RB' || lpad(i::text, 14, '0'), (i - 1) / 10000 + 1, '3206822688' || lpad(i::text, 9, '0') || '0', :'day'::date,
       '101500', (10 + i % 9000)::numeric / 100 * 10 + CASE WHEN i = 7 THEN 0.01 ELSE 0 END, '02'
  FROM generate_series(1, :records) AS i
 WHERE i <> 3;

INSERT INTO nontax.reconciliation_batches (bank_node, business_day, msg_no, batch_no, batch_count, bank_code, declared_count, declared_amount,
       record_count, record_amount, msg_id, file_seq)
SELECT :'bank', :'day'::date, '2555', batch_no, max(batch_no) OVER (), right(:'bank', 4), count(*), sum(amount), count(*), sum(amount),
       'BENCH' || lpad(batch_no::text, 15, '0'), nextval('nontax.reconciliation_file_seq')
  FROM nontax.reconciliation_payments
 WHERE bank_node = :'bank' AND business_day = :'day'
 GROUP BY batch_no;
COMMIT;

ANALYZE nontax.payment_confirmations;
ANALYZE nontax.reconciliation_payments;
