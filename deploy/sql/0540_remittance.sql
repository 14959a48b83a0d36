-- Remittance (缴库/缴户, 5618 → 2618) after a bank's day is cleared (docs/architecture.md,
-- "Money after reconciliation"). All projected from the remittance day grains' facts in their
-- commits; a day's instructions live here, never in the grain's state.

-- One row per (bank, business day) whose remittance was computed; counts follow the grain's writes.
CREATE TABLE IF NOT EXISTS nontax.remittance_days
(
    bank_node    text          NOT NULL,
    business_day date          NOT NULL,
    status       text          NOT NULL,
    instructions integer       NOT NULL,
    amount       numeric(17,2) NOT NULL,
    remitted     integer       NOT NULL,
    failed       integer       NOT NULL,
    waiting_for  text          NULL,
    version      integer       NOT NULL,
    updated_at   timestamptz   NOT NULL,
    CONSTRAINT pk_remittance_days PRIMARY KEY (bank_node, business_day),
    CONSTRAINT ck_remittance_days_status CHECK (status IN ('waiting', 'instructing', 'instructed', 'remitted', 'failed', 'nothing'))
);

-- One row per 5618: a direct remittance (one payment's share of a budget level) or a central one
-- (a day's items of one account and budget level). remit_no is the instruction id on the bank link.
CREATE TABLE IF NOT EXISTS nontax.remittances
(
    remit_no      text          NOT NULL,
    bank_node     text          NOT NULL,
    business_day  date          NOT NULL,
    remit_type    smallint      NOT NULL,
    pay_acct      text          NOT NULL,
    tre_code      text          NOT NULL,
    tre_name      text          NOT NULL,
    budget_level  smallint      NOT NULL,
    amount        numeric(17,2) NOT NULL,
    pay_code      text          NULL,
    status        text          NOT NULL DEFAULT 'instructed',
    instructed_at timestamptz   NOT NULL,
    result        text          NULL,
    remit_date    date          NULL,
    tra_no        text          NULL,
    information   text          NULL,
    finished_at   timestamptz   NULL,
    CONSTRAINT pk_remittances PRIMARY KEY (remit_no),
    CONSTRAINT ck_remittances_type CHECK (remit_type IN (1, 2)),
    CONSTRAINT ck_remittances_status CHECK (status IN ('instructed', 'remitted', 'failed'))
);

-- The day grain hands over and pages its instructions in RemitNo order.
CREATE INDEX IF NOT EXISTS ix_remittances_day ON nontax.remittances (bank_node, business_day, remit_no);
CREATE INDEX IF NOT EXISTS ix_remittances_pay_code ON nontax.remittances (pay_code) WHERE pay_code IS NOT NULL;

-- The rows of a 5618, one per income item (and, when direct, its payment code).
CREATE TABLE IF NOT EXISTS nontax.remittance_lines
(
    remit_no       text          NOT NULL,
    line_no        integer       NOT NULL,
    item_code      text          NOT NULL,
    budget_subject text          NOT NULL,
    fund_type      text          NOT NULL,
    amount         numeric(17,2) NOT NULL,
    pay_code       text          NULL,
    rule_version   integer       NOT NULL,
    CONSTRAINT pk_remittance_lines PRIMARY KEY (remit_no, line_no)
);
