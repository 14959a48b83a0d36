-- The payer's SMS about a new e-bill (docs/architecture.md "E-bills"): one row per blue bill with a
-- phone, added by the projection of ebill.issued in the notice's own write, so a bill is never
-- issued without its message queued; EBillNotifierGrain sends due rows through the SMS gateway.
CREATE TABLE IF NOT EXISTS nontax.ebill_sms
(
    bill_code       text        NOT NULL,
    bill_number     bigint      NOT NULL,
    pay_code        text        NOT NULL,
    check_code      text        NOT NULL,
    phone           text        NOT NULL,
    payer_name      text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text        NULL,
    reference       text        NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz NULL,
    CONSTRAINT pk_ebill_sms PRIMARY KEY (bill_code, bill_number),
    CONSTRAINT ck_ebill_sms_status CHECK (status IN ('pending', 'sent', 'failed'))
);

CREATE INDEX IF NOT EXISTS ix_ebill_sms_due ON nontax.ebill_sms (next_attempt_at) WHERE status = 'pending';
