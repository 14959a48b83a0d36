-- Business refunds (业务性退付): a unit applies, finance approves or rejects, the approved refund's
-- 5617 goes to the refund-reserve bank and its 2617 finishes it. One row per refund number, from
-- the facts refund.applied / refund.approved / refund.rejected / refund.completed / refund.failed;
-- each update moves the row forward only, so a replayed fact changes nothing
-- (docs/architecture.md, "Refunds").
CREATE TABLE IF NOT EXISTS nontax.business_refunds
(
    refund_no       text          NOT NULL,
    application_no  text          NOT NULL,
    pay_code        text          NOT NULL,
    unit_code       text          NOT NULL,
    amount          numeric(17,2) NOT NULL,
    paid            numeric(17,2) NOT NULL,
    ori_src         text          NOT NULL,
    ori_tra_no_bus  text          NOT NULL,
    ori_cfm_date    date          NOT NULL,
    reason          text          NOT NULL,
    status          text          NOT NULL DEFAULT 'applied',
    applied_by      text          NOT NULL,
    applied_at      timestamptz   NOT NULL,
    bank            text          NULL,
    decided_by      text          NULL,
    decided_at      timestamptz   NULL,
    decision_note   text          NULL,
    bank_result     text          NULL,
    refund_date     date          NULL,
    refund_tra_no   text          NULL,
    information     text          NULL,
    finished_at     timestamptz   NULL,
    CONSTRAINT pk_business_refunds PRIMARY KEY (refund_no),
    CONSTRAINT ck_business_refunds_status CHECK (status IN ('applied', 'approved', 'rejected', 'completed', 'failed')),
    CONSTRAINT ck_business_refunds_amount CHECK (amount > 0 AND amount <= paid)
);

CREATE INDEX IF NOT EXISTS ix_business_refunds_status ON nontax.business_refunds (status, applied_at);
CREATE INDEX IF NOT EXISTS ix_business_refunds_pay_code ON nontax.business_refunds (pay_code);
CREATE INDEX IF NOT EXISTS ix_business_refunds_unit ON nontax.business_refunds (unit_code, applied_at);

-- Every refund, technical and business, in one list for staff and the stuck-refund watch.
-- status: applied / approved / rejected (business only), pending (technical, 5617 instructed),
-- completed / failed. instructed_at is when a 5617 became due; a row still waiting for its 2617
-- (technical 'pending', business 'approved') past the limit is stuck.
CREATE OR REPLACE VIEW nontax.refunds AS
SELECT t.refund_no, 'technical'::text AS refund_kind, t.pay_code, t.unit_code, t.bank, t.amount, t.reason, t.status,
       t.requested_at AS requested_at, t.requested_at AS instructed_at, NULL::text AS decided_by,
       t.bank_result, t.refund_date, t.refund_tra_no, t.information, t.finished_at
  FROM nontax.technical_refunds t
UNION ALL
SELECT b.refund_no, 'business'::text, b.pay_code, b.unit_code, b.bank, b.amount, b.reason, b.status,
       b.applied_at, CASE WHEN b.status IN ('approved', 'completed', 'failed') THEN b.decided_at END, b.decided_by,
       b.bank_result, b.refund_date, b.refund_tra_no, b.information, b.finished_at
  FROM nontax.business_refunds b;
