-- Typed relational projections of the business facts (docs/architecture.md, "Relational
-- projection"). Rows are written by the IFactProjector implementations in the same transaction
-- as the grain write that recorded the fact, with INSERT ... ON CONFLICT or guarded UPDATEs so a
-- replayed fact changes nothing. Money is numeric(17,2), business dates (CST) are date, instants
-- are timestamptz.

-- One row per payment code (缴款通知书). Inserted by notice.issued; notice.confirmed and
-- notice.voided move it out of 'unpaid' once (both states are final in the grain, so a replayed or
-- late fact finds no 'unpaid' row to change).
CREATE TABLE IF NOT EXISTS nontax.notices
(
    pay_code          text          NOT NULL,
    unit_code         text          NOT NULL,
    region_code       text          NOT NULL,
    issue_date        date          NOT NULL,
    due_date          date          NOT NULL,
    last_payable_date date          NOT NULL,
    payer_name        text          NOT NULL,
    payer_type        smallint      NOT NULL,
    payer_mobile      text          NULL,
    payer_credit_code text          NULL,
    payee_acct        text          NOT NULL,
    notice_amount     numeric(17,2) NOT NULL,
    status            text          NOT NULL DEFAULT 'unpaid',
    issuer_node       text          NULL,
    confirm_back      boolean       NOT NULL,
    issued_by         text          NOT NULL,
    issued_at         timestamptz   NOT NULL,
    paid_amount       numeric(17,2) NULL,
    paid_src          text          NULL,
    paid_tra_no_bus   text          NULL,
    paid_cfm_date     date          NULL,
    paid_at           timestamptz   NULL,
    void_date         date          NULL,
    void_reason       text          NULL,
    voided_by         text          NULL,
    voided_at         timestamptz   NULL,
    CONSTRAINT pk_notices PRIMARY KEY (pay_code),
    CONSTRAINT ck_notices_status CHECK (status IN ('unpaid', 'paid', 'void'))
);

CREATE INDEX IF NOT EXISTS ix_notices_unit_issue_date ON nontax.notices (unit_code, issue_date);
-- The 2698 education query looks up a payer's open notices by credit code or mobile phone.
CREATE INDEX IF NOT EXISTS ix_notices_unpaid_credit_code ON nontax.notices (payer_credit_code) WHERE status = 'unpaid';
CREATE INDEX IF NOT EXISTS ix_notices_unpaid_mobile ON nontax.notices (payer_mobile) WHERE status = 'unpaid';

-- Item lines of a notice, numbered from 1 in the order they were issued.
CREATE TABLE IF NOT EXISTS nontax.notice_lines
(
    pay_code           text          NOT NULL,
    line_no            integer       NOT NULL,
    national_item_code text          NOT NULL,
    item_code          text          NOT NULL,
    item_name          text          NOT NULL,
    unit_of_measure    text          NOT NULL,
    quantity           numeric       NOT NULL,
    amount             numeric(17,2) NOT NULL,
    CONSTRAINT pk_notice_lines PRIMARY KEY (pay_code, line_no)
);

-- Every confirmation attempt (2612) the grains recorded: accepted as revenue, accepted as a
-- duplicate (refund started) or refused. What T+1 reconciliation by bank and day compares.
-- confirmation_id is the fact id, so a replay inserts nothing.
CREATE TABLE IF NOT EXISTS nontax.payment_confirmations
(
    confirmation_id text          NOT NULL,
    pay_code        text          NOT NULL,
    unit_code       text          NOT NULL,
    src             text          NOT NULL,
    tra_no_bus      text          NOT NULL,
    cfm_date        date          NOT NULL,
    cfm_time        text          NULL,
    amount          numeric(17,2) NOT NULL,
    notice_amount   numeric(17,2) NULL,
    late_fee        numeric(17,2) NULL,
    amount_due      numeric(17,2) NULL,
    pay_mode        text          NULL,
    bank_outlet     text          NULL,
    payer_name      text          NULL,
    payee_acct      text          NULL,
    outcome         text          NOT NULL,
    result_code     text          NOT NULL,
    refund_no       text          NULL,
    recorded_at     timestamptz   NOT NULL,
    CONSTRAINT pk_payment_confirmations PRIMARY KEY (confirmation_id),
    CONSTRAINT ck_payment_confirmations_outcome CHECK (outcome IN ('revenue', 'duplicate', 'refused'))
);

CREATE INDEX IF NOT EXISTS ix_payment_confirmations_src_date ON nontax.payment_confirmations (src, cfm_date);
CREATE INDEX IF NOT EXISTS ix_payment_confirmations_pay_code ON nontax.payment_confirmations (pay_code);
-- An accepted payment is unique per (bank, TraNoBus): the grains' tranobus claim guarantees it,
-- this index makes reconciliation's join key trustworthy.
CREATE UNIQUE INDEX IF NOT EXISTS ux_payment_confirmations_accepted
    ON nontax.payment_confirmations (src, tra_no_bus) WHERE outcome IN ('revenue', 'duplicate');

-- Technical refunds (技术性退付) of duplicate payments: pending until the bank's 2617 result.
CREATE TABLE IF NOT EXISTS nontax.technical_refunds
(
    refund_no       text          NOT NULL,
    refund_type     smallint      NOT NULL,
    pay_code        text          NOT NULL,
    unit_code       text          NOT NULL,
    bank            text          NOT NULL,
    ori_tra_no_bus  text          NOT NULL,
    ori_cfm_date    date          NOT NULL,
    amount          numeric(17,2) NOT NULL,
    reason          text          NOT NULL,
    status          text          NOT NULL DEFAULT 'pending',
    requested_at    timestamptz   NOT NULL,
    bank_result     text          NULL,
    refund_date     date          NULL,
    refund_tra_no   text          NULL,
    information     text          NULL,
    finished_at     timestamptz   NULL,
    CONSTRAINT pk_technical_refunds PRIMARY KEY (refund_no),
    CONSTRAINT ck_technical_refunds_status CHECK (status IN ('pending', 'completed', 'failed'))
);

CREATE INDEX IF NOT EXISTS ix_technical_refunds_bank_status ON nontax.technical_refunds (bank, status);
CREATE INDEX IF NOT EXISTS ix_technical_refunds_pay_code ON nontax.technical_refunds (pay_code);

-- History of a collecting unit being blocked from issuing and unblocked again.
CREATE TABLE IF NOT EXISTS nontax.unit_blocks
(
    event_id        text        NOT NULL,
    unit_code       text        NOT NULL,
    event           text        NOT NULL,
    reason          text        NOT NULL,
    previous_reason text        NULL,
    business_date   date        NOT NULL,
    operator        text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    CONSTRAINT pk_unit_blocks PRIMARY KEY (event_id),
    CONSTRAINT ck_unit_blocks_event CHECK (event IN ('blocked', 'unblocked'))
);

CREATE INDEX IF NOT EXISTS ix_unit_blocks_unit ON nontax.unit_blocks (unit_code, occurred_at);

-- Every change of base data (regions, banks, units, items...) with who made it and the values
-- before and after. (entity, key, version) is what the fact id is made of.
CREATE TABLE IF NOT EXISTS nontax.base_data_changes
(
    entity     text        NOT NULL,
    key        text        NOT NULL,
    version    bigint      NOT NULL,
    operator   text        NOT NULL,
    changed_at timestamptz NOT NULL,
    before     jsonb       NULL,
    after      jsonb       NULL,
    CONSTRAINT pk_base_data_changes PRIMARY KEY (entity, key, version)
);

CREATE INDEX IF NOT EXISTS ix_base_data_changes_time ON nontax.base_data_changes (changed_at);

-- Outbound instructions (5617, 5996...) per peer as the bank links last reported them.
-- last_fact_at orders the outbound.* facts: an older fact replayed later changes nothing.
CREATE TABLE IF NOT EXISTS nontax.outbound_messages
(
    peer           text        NOT NULL,
    instruction_id text        NOT NULL,
    msg_no         text        NOT NULL,
    msg_id         text        NOT NULL,
    business_no    text        NOT NULL,
    status         text        NOT NULL,
    attempts       integer     NOT NULL DEFAULT 0,
    last_result    text        NULL,
    last_error     text        NULL,
    closed_reason  text        NULL,
    queued_at      timestamptz NOT NULL,
    finished_at    timestamptz NULL,
    last_fact_at   timestamptz NOT NULL,
    CONSTRAINT pk_outbound_messages PRIMARY KEY (peer, instruction_id),
    CONSTRAINT ck_outbound_messages_status CHECK (status IN ('pending', 'delivered', 'dead', 'closed'))
);

CREATE INDEX IF NOT EXISTS ix_outbound_messages_open ON nontax.outbound_messages (peer, status) WHERE status IN ('pending', 'dead');
CREATE INDEX IF NOT EXISTS ix_outbound_messages_business_no ON nontax.outbound_messages (business_no);

-- Alerts for staff; raised by facts (outbound.dead), acknowledged by a person later.
CREATE TABLE IF NOT EXISTS nontax.alerts
(
    alert_id        text        NOT NULL,
    kind            text        NOT NULL,
    subject         text        NOT NULL,
    what            text        NOT NULL,
    why             text        NULL,
    raised_at       timestamptz NOT NULL,
    details         jsonb       NOT NULL,
    acknowledged_at timestamptz NULL,
    acknowledged_by text        NULL,
    CONSTRAINT pk_alerts PRIMARY KEY (alert_id)
);

CREATE INDEX IF NOT EXISTS ix_alerts_open ON nontax.alerts (raised_at) WHERE acknowledged_at IS NULL;
