-- Direct debits (划缴): a row per DebitNo from directdebit.requested, finished once by
-- directdebit.finished (the bank's 2607). The payment a debit took is also a row of
-- payment_confirmations (revenue or duplicate), like any 2612 (docs/architecture.md, "Direct debit").
CREATE TABLE IF NOT EXISTS nontax.direct_debits
(
    debit_no      text          NOT NULL,
    pay_code      text          NOT NULL,
    unit_code     text          NOT NULL,
    bank          text          NOT NULL,
    amount        numeric(17,2) NOT NULL,
    payer_acct    text          NOT NULL,
    auth_no       text          NOT NULL,
    requested_by  text          NOT NULL,
    requested_at  timestamptz   NOT NULL,
    status        text          NOT NULL DEFAULT 'requested',
    bank_result   text          NULL,
    debit_date    date          NULL,
    tra_no_bus    text          NULL,
    notice_result text          NULL,
    information   text          NULL,
    finished_at   timestamptz   NULL,
    CONSTRAINT pk_direct_debits PRIMARY KEY (debit_no),
    CONSTRAINT ck_direct_debits_status CHECK (status IN ('requested', 'debited', 'failed'))
);

CREATE INDEX IF NOT EXISTS ix_direct_debits_pay_code ON nontax.direct_debits (pay_code);
CREATE INDEX IF NOT EXISTS ix_direct_debits_open ON nontax.direct_debits (bank, requested_at) WHERE status = 'requested';
