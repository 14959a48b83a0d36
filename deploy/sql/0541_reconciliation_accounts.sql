-- Arrival (2557) and account (2556 fiscal, 2581 supervised) reconciliation files (docs/architecture.md,
-- "Reconciliation"). Written by the socket edge like reconciliation_payments: one transaction per
-- batch, rows by binary COPY, before the bank is answered; compared by the day grain in SQL.

-- 2557 rows: every credit to a fiscal account. TraNo is the bank's own transaction number (a
-- payment's TraNoBus, a movement's TraNo), the match key against payment_confirmations and
-- account_movements.
CREATE TABLE IF NOT EXISTS nontax.reconciliation_arrivals (
    bank_node    text          NOT NULL,
    business_day date          NOT NULL,
    tra_no       text          NOT NULL,
    batch_no     integer       NOT NULL,
    acct_no      text          NOT NULL,
    amount       numeric(17,2) NOT NULL,
    pay_code     text          NOT NULL,
    CONSTRAINT pk_reconciliation_arrivals PRIMARY KEY (bank_node, business_day, tra_no)
);
CREATE INDEX IF NOT EXISTS ix_reconciliation_arrivals_batch ON nontax.reconciliation_arrivals (bank_node, business_day, batch_no);

-- 2556 rows (fiscal accounts) and 2581 rows (units' supervised accounts): one account's day. Two
-- tables of one shape, because a new file of one kind replaces only that kind's rows.
CREATE TABLE IF NOT EXISTS nontax.reconciliation_account_days (
    bank_node    text          NOT NULL,
    business_day date          NOT NULL,
    acct_no      text          NOT NULL,
    batch_no     integer       NOT NULL,
    in_num       bigint        NOT NULL,
    in_amount    numeric(17,2) NOT NULL,
    out_num      bigint        NOT NULL,
    out_amount   numeric(17,2) NOT NULL,
    opening_bal  numeric(17,2) NOT NULL,
    closing_bal  numeric(17,2) NOT NULL,
    CONSTRAINT pk_reconciliation_account_days PRIMARY KEY (bank_node, business_day, acct_no)
);
CREATE INDEX IF NOT EXISTS ix_reconciliation_account_days_batch ON nontax.reconciliation_account_days (bank_node, business_day, batch_no);
-- The previous day's closing balance of an account is looked up by account and day.
CREATE INDEX IF NOT EXISTS ix_reconciliation_account_days_acct ON nontax.reconciliation_account_days (acct_no, business_day);

CREATE TABLE IF NOT EXISTS nontax.reconciliation_supervised_days (LIKE nontax.reconciliation_account_days INCLUDING ALL);

-- The account a difference is about (2557: the credited account; 2556/2581: the account itself).
ALTER TABLE nontax.reconciliation_differences ADD COLUMN IF NOT EXISTS account_no text NOT NULL DEFAULT '';

-- Arrivals by bank and day: the 2557 comparison's finance side joins them on the bank's TraNo.
CREATE INDEX IF NOT EXISTS ix_account_movements_bank_day_ref ON nontax.account_movements (bank_node, business_day, reference_no);
