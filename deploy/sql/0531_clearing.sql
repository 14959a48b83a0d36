-- Clearing (清分) after a bank's day reconciles (docs/architecture.md, "Money after
-- reconciliation"). All projected from facts in the writing grain's commit.

-- Versions of each income item's clearing rule (分成规则) under maker-checker: a version counts
-- from effective_from once approved; the one in force on a day is the approved version with the
-- latest effective_from on or before it (the higher version on a tie).
CREATE TABLE IF NOT EXISTS nontax.clearing_rules
(
    item_code            text        NOT NULL,
    version              integer     NOT NULL,
    effective_from       date        NOT NULL,
    fund_type            text        NOT NULL,
    remit_mode           smallint    NOT NULL,
    remainder_account_no text        NOT NULL,
    status               text        NOT NULL DEFAULT 'proposed',
    proposed_by          text        NOT NULL,
    proposed_at          timestamptz NOT NULL,
    decided_by           text        NULL,
    decided_at           timestamptz NULL,
    reason               text        NULL,
    CONSTRAINT pk_clearing_rules PRIMARY KEY (item_code, version),
    CONSTRAINT ck_clearing_rules_status CHECK (status IN ('proposed', 'approved', 'rejected')),
    CONSTRAINT ck_clearing_rules_remit_mode CHECK (remit_mode IN (1, 2))
);

CREATE INDEX IF NOT EXISTS ix_clearing_rules_in_force ON nontax.clearing_rules (item_code, effective_from DESC, version DESC) WHERE status = 'approved';

CREATE TABLE IF NOT EXISTS nontax.clearing_rule_shares
(
    item_code    text          NOT NULL,
    version      integer       NOT NULL,
    share_no     integer       NOT NULL,
    budget_level smallint      NOT NULL,
    account_no   text          NOT NULL,
    account_name text          NOT NULL,
    bank_no      text          NULL,
    ratio        numeric(9, 6) NOT NULL,
    CONSTRAINT pk_clearing_rule_shares PRIMARY KEY (item_code, version, share_no),
    CONSTRAINT ck_clearing_rule_shares_ratio CHECK (ratio > 0 AND ratio <= 1)
);

-- One row per (clearing bank, business day) cleared: the 5614 sent and the bank's 2614.
CREATE TABLE IF NOT EXISTS nontax.clearing_days
(
    bank_node          text          NOT NULL,
    business_day       date          NOT NULL,
    clear_no           text          NOT NULL,
    status             text          NOT NULL,
    line_count         integer       NOT NULL,
    amount             numeric(17,2) NOT NULL,
    instructed_at      timestamptz   NOT NULL,
    result             text          NULL,
    result_information text          NULL,
    exec_date          date          NULL,
    finished_at        timestamptz   NULL,
    CONSTRAINT pk_clearing_days PRIMARY KEY (bank_node, business_day),
    CONSTRAINT ux_clearing_days_clear_no UNIQUE (clear_no),
    CONSTRAINT ck_clearing_days_status CHECK (status IN ('instructed', 'cleared', 'failed', 'nothing'))
);

-- The rows of a 5614, with the rule version each came from and the bank's result per row.
CREATE TABLE IF NOT EXISTS nontax.clearing_lines
(
    clear_no      text          NOT NULL,
    line_no       integer       NOT NULL,
    pay_acct      text          NOT NULL,
    rec_acct      text          NOT NULL,
    rec_acct_name text          NOT NULL,
    item_code     text          NOT NULL,
    fund_type     text          NOT NULL,
    budget_level  smallint      NOT NULL,
    amount        numeric(17,2) NOT NULL,
    rule_version  integer       NOT NULL,
    result        text          NULL,
    tra_no        text          NULL,
    CONSTRAINT pk_clearing_lines PRIMARY KEY (clear_no, line_no)
);
