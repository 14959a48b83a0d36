-- Fiscal e-bills (财政电子票据): one row per signed bill, blue or red-letter, with its file.
-- Written only by the projection of ebill.issued, in the notice's own write (docs/architecture.md "E-bills").
CREATE TABLE IF NOT EXISTS nontax.ebills
(
    bill_code      text          NOT NULL,
    bill_number    bigint        NOT NULL,
    pay_code       text          NOT NULL,
    unit_code      text          NOT NULL,
    red_letter     boolean       NOT NULL,
    related_code   text          NULL,
    related_number bigint        NULL,
    check_code     text          NOT NULL,
    total_amount   numeric(17,2) NOT NULL,
    payer_name     text          NOT NULL,
    payer_phone    text          NULL,
    channel        text          NOT NULL,
    operator       text          NOT NULL,
    issued_at      timestamptz   NOT NULL,
    document       bytea         NOT NULL,
    fact_id        text          NOT NULL,
    PRIMARY KEY (bill_code, bill_number),
    CHECK (red_letter = (related_code IS NOT NULL AND related_number IS NOT NULL))
);

-- Below the notice grain's own rule: one blue bill per notice, one reversal per bill.
CREATE UNIQUE INDEX IF NOT EXISTS ebills_one_blue_per_notice ON nontax.ebills (pay_code) WHERE NOT red_letter;
CREATE UNIQUE INDEX IF NOT EXISTS ebills_one_reversal_per_bill ON nontax.ebills (related_code, related_number) WHERE red_letter;
CREATE INDEX IF NOT EXISTS ebills_by_unit ON nontax.ebills (unit_code, issued_at);
