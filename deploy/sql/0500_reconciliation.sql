-- T+1 reconciliation (对账) per bank and business day: docs/architecture.md, "Reconciliation".
--
-- Two kinds of tables. The bank's files (reconciliation_batches, reconciliation_payments) are
-- written by the socket edge, one transaction per received batch, before the bank is answered;
-- reconciliation_differences is written by the comparison (one REPEATABLE READ transaction per
-- run, all inside PostgreSQL). The day and file summaries (reconciliation_days,
-- reconciliation_files) and the staff's resolutions are PROJECTED from the day grain's facts
-- (reconciliation.opened / .compared / .difference_resolved / .cutoff_missed), in the grain's commit.

-- One row per (bank, business day) the system knows a reconciliation for. Column names are a
-- contract (clearing reads status on its reminder): keep them.
CREATE TABLE IF NOT EXISTS nontax.reconciliation_days (
    bank_node            text        NOT NULL,
    business_day         date        NOT NULL,
    status               text        NOT NULL,
    files_compared       integer     NOT NULL DEFAULT 0,
    open_differences     integer     NOT NULL DEFAULT 0,
    resolved_differences integer     NOT NULL DEFAULT 0,
    file_missing_alerted boolean     NOT NULL DEFAULT false,
    opened_at            timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- The day grain's write number of the fact that set this row: an older fact never overwrites.
    version              integer     NOT NULL,
    CONSTRAINT pk_reconciliation_days PRIMARY KEY (bank_node, business_day),
    CONSTRAINT ck_reconciliation_days_status CHECK (status IN ('open', 'matched', 'differences', 'resolved'))
);
CREATE INDEX IF NOT EXISTS ix_reconciliation_days_day_status ON nontax.reconciliation_days (business_day, status);

-- One row per file kind (2555, 2557, 2556, 2581) of a day: the last comparison's figures.
CREATE TABLE IF NOT EXISTS nontax.reconciliation_files (
    bank_node            text          NOT NULL,
    business_day         date          NOT NULL,
    msg_no               text          NOT NULL,
    status               text          NOT NULL,
    run_no               integer       NOT NULL,
    batch_count          integer       NOT NULL,
    bank_count           bigint        NOT NULL,
    bank_amount          numeric(17,2) NOT NULL,
    finance_count        bigint        NOT NULL,
    finance_amount       numeric(17,2) NOT NULL,
    matched_count        bigint        NOT NULL,
    matched_amount       numeric(17,2) NOT NULL,
    differences          integer       NOT NULL,
    open_differences     integer       NOT NULL,
    compared_at          timestamptz   NOT NULL,
    version              integer       NOT NULL,
    CONSTRAINT pk_reconciliation_files PRIMARY KEY (bank_node, business_day, msg_no),
    CONSTRAINT ck_reconciliation_files_status CHECK (status IN ('matched', 'differences', 'resolved'))
);

-- Every stored batch of a bank's file (an unsplit file is batch 1 of 1). A batch with other
-- totals or another BatchCount than the stored ones starts a new file and replaces them all; the
-- same batch number again replaces that batch. file_seq orders arrivals (the grain compares a
-- file again only when a later batch came).
CREATE SEQUENCE IF NOT EXISTS nontax.reconciliation_file_seq;
CREATE TABLE IF NOT EXISTS nontax.reconciliation_batches (
    bank_node       text          NOT NULL,
    business_day    date          NOT NULL,
    msg_no          text          NOT NULL,
    batch_no        integer       NOT NULL,
    batch_count     integer       NOT NULL,
    bank_code       text          NOT NULL,
    declared_count  bigint        NOT NULL,
    declared_amount numeric(17,2) NOT NULL,
    record_count    bigint        NOT NULL,
    record_amount   numeric(17,2) NOT NULL,
    msg_id          text          NOT NULL,
    file_seq        bigint        NOT NULL,
    received_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_reconciliation_batches PRIMARY KEY (bank_node, business_day, msg_no, batch_no),
    CONSTRAINT ck_reconciliation_batches_no CHECK (batch_no BETWEEN 1 AND batch_count)
);

-- 2555 lines: the payments the bank took. TraNoBus is unique per bank, so it is the match key
-- against payment_confirmations (src, tra_no_bus).
CREATE TABLE IF NOT EXISTS nontax.reconciliation_payments (
    bank_node    text          NOT NULL,
    business_day date          NOT NULL,
    tra_no_bus   text          NOT NULL,
    batch_no     integer       NOT NULL,
    pay_code     text          NOT NULL,
    cfm_date     date          NOT NULL,
    cfm_time     text          NOT NULL,
    amount       numeric(17,2) NOT NULL,
    pay_mode     text          NOT NULL,
    CONSTRAINT pk_reconciliation_payments PRIMARY KEY (bank_node, business_day, tra_no_bus)
);
CREATE INDEX IF NOT EXISTS ix_reconciliation_payments_batch ON nontax.reconciliation_payments (bank_node, business_day, batch_no);

-- A day with a complete file not compared yet: written with the batch that completed the file,
-- deleted by the day grain once it compared through file_seq; the sweeper prompts days whose row
-- is older than its grace (a silo died between the edge's answer and the comparison).
CREATE TABLE IF NOT EXISTS nontax.reconciliation_pending (
    bank_node    text        NOT NULL,
    business_day date        NOT NULL,
    file_seq     bigint      NOT NULL,
    due_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_reconciliation_pending PRIMARY KEY (bank_node, business_day)
);

-- Every difference a comparison found, one row per (record, type, field). A re-run with the
-- same data finds the same rows (last_run moves, nothing is added); a difference a corrected file
-- no longer shows becomes 'cleared' (kept, with the run that cleared it); staff resolve the
-- others ('resolved': how, note, who, when — also kept as a fact in business_facts). A resolved
-- difference that comes back with other values is open again.
CREATE TABLE IF NOT EXISTS nontax.reconciliation_differences (
    difference_id   bigint GENERATED ALWAYS AS IDENTITY,
    bank_node       text        NOT NULL,
    business_day    date        NOT NULL,
    msg_no          text        NOT NULL,
    record_key      text        NOT NULL,
    diff_type       smallint    NOT NULL,
    field           text        NOT NULL,
    pay_code        text        NOT NULL,
    tra_no_bus      text        NOT NULL,
    bank_value      text        NULL,
    finance_value   text        NULL,
    first_run       integer     NOT NULL,
    last_run        integer     NOT NULL,
    status          text        NOT NULL,
    found_at        timestamptz NOT NULL DEFAULT now(),
    cleared_run     integer     NULL,
    cleared_at      timestamptz NULL,
    resolution      text        NULL,
    resolution_note text        NULL,
    resolved_by     text        NULL,
    resolved_at     timestamptz NULL,
    CONSTRAINT pk_reconciliation_differences PRIMARY KEY (difference_id),
    CONSTRAINT ux_reconciliation_differences UNIQUE (bank_node, business_day, msg_no, record_key, diff_type, field),
    CONSTRAINT ck_reconciliation_differences_type CHECK (diff_type BETWEEN 1 AND 4),
    CONSTRAINT ck_reconciliation_differences_status CHECK (status IN ('open', 'resolved', 'cleared'))
);
CREATE INDEX IF NOT EXISTS ix_reconciliation_differences_open
    ON nontax.reconciliation_differences (bank_node, business_day) WHERE status = 'open';
