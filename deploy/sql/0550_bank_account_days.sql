-- BankAccount (账户) days (docs/architecture.md, "Bank accounts"): one row per fiscal or supervised
-- account and business day, as the system expects it and as the bank stated it. Written by the
-- 2556/2581 comparison inside its REPEATABLE READ transaction (the same statement set that writes
-- that file's differences, so there is one truth for an account's day); the BankAccount grain closes
-- a row by its bankaccount.day_closed fact (closed_run / closed_version / closed_at are projected).
CREATE TABLE IF NOT EXISTS nontax.bank_account_days (
    account_no          text          NOT NULL,
    business_day        date          NOT NULL,
    bank_node           text          NOT NULL,
    -- The file that stated (or, finance only, should have stated) the account: 2556 or 2581.
    msg_no              text          NOT NULL,
    -- That file's comparison run which wrote the row.
    run                 integer       NOT NULL,
    -- As the system expects it: the opening is the closing accepted for the account's previous
    -- day in this table (the bank's, else the expected one); NULL when the system has no day
    -- before and the bank stated none.
    expected_opening    numeric(17,2) NULL,
    in_num              bigint        NOT NULL,
    in_amount           numeric(17,2) NOT NULL,
    out_num             bigint        NOT NULL,
    out_amount          numeric(17,2) NOT NULL,
    expected_closing    numeric(17,2) NULL,
    -- As the bank stated it (NULL: the account had activity but the bank's file has no row for it).
    bank_opening        numeric(17,2) NULL,
    bank_in_num         bigint        NULL,
    bank_in_amount      numeric(17,2) NULL,
    bank_out_num        bigint        NULL,
    bank_out_amount     numeric(17,2) NULL,
    bank_closing        numeric(17,2) NULL,
    computed_at         timestamptz   NOT NULL,
    closed_run          integer       NULL,
    closed_version      integer       NULL,
    closed_at           timestamptz   NULL,
    CONSTRAINT pk_bank_account_days PRIMARY KEY (account_no, business_day),
    CONSTRAINT ck_bank_account_days_msg_no CHECK (msg_no IN ('2556', '2581'))
);
-- The comparison's stale-row sweep and the day grain's "accounts of this file" page.
CREATE INDEX IF NOT EXISTS ix_bank_account_days_bank_day ON nontax.bank_account_days (bank_node, business_day, msg_no, account_no);
-- The grain's "days not closed at their last run".
CREATE INDEX IF NOT EXISTS ix_bank_account_days_unclosed ON nontax.bank_account_days (account_no, business_day)
    WHERE closed_run IS DISTINCT FROM run;
