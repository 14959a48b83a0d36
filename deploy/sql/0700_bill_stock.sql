-- Bill stock (票据管理; docs/architecture.md "Bill stock"). Written by BillStockProjector in the
-- same transaction as the BillRangeGrain write that recorded the fact.

-- One row per bill range grain: where it is and how far it is taken, as of its newest fact
-- (version). `span` puts code and number on one line (code * 10^10 + number: 18 digits fit a
-- bigint) so the exclusion constraint refuses any write that would let two ranges share a number,
-- whichever grains wrote them.
CREATE TABLE IF NOT EXISTS nontax.bill_ranges
(
    bill_code           text        NOT NULL,
    range_first         bigint      NOT NULL,
    range_last          bigint      NOT NULL,
    medium              text        NOT NULL,
    holder              text        NOT NULL,
    held_by_unit        boolean     NOT NULL,
    next_unused         bigint      NOT NULL,
    voided              bigint      NOT NULL,
    written_off_through bigint      NOT NULL,
    version             integer     NOT NULL,
    updated_at          timestamptz NOT NULL,
    span                int8range   GENERATED ALWAYS AS (
        int8range(bill_code::bigint * 10000000000 + range_first, bill_code::bigint * 10000000000 + range_last, '[]')) STORED,
    PRIMARY KEY (bill_code, range_first),
    CONSTRAINT bill_ranges_numbers_once EXCLUDE USING gist (span WITH &&),
    CONSTRAINT bill_ranges_ordered CHECK (range_first <= range_last)
);

CREATE INDEX IF NOT EXISTS bill_ranges_holder ON nontax.bill_ranges (holder, bill_code, range_first);

-- Every movement of numbers (received, distributed, recalled, returned, split, written_off): who, when.
CREATE TABLE IF NOT EXISTS nontax.bill_movements
(
    fact_id      text        NOT NULL PRIMARY KEY,
    bill_code    text        NOT NULL,
    range_first  bigint      NOT NULL,
    movement     text        NOT NULL,
    first_number bigint      NOT NULL,
    last_number  bigint      NOT NULL,
    from_holder  text        NOT NULL,
    to_holder    text        NOT NULL,
    operator     text        NOT NULL,
    note         text        NULL,
    occurred_at  timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS bill_movements_code ON nontax.bill_movements (bill_code, first_number);
CREATE INDEX IF NOT EXISTS bill_movements_holders ON nontax.bill_movements (to_holder, occurred_at);
CREATE INDEX IF NOT EXISTS bill_movements_from ON nontax.bill_movements (from_holder, occurred_at);

-- One row per number a unit took: taken, then used (an e-bill holds it) or voided (and when a
-- voided paper bill came back). The primary key is the "issued at most once" of the numbers.
CREATE TABLE IF NOT EXISTS nontax.bill_numbers
(
    bill_code    text        NOT NULL,
    number       bigint      NOT NULL,
    unit_code    text        NOT NULL,
    medium       text        NOT NULL,
    status       text        NOT NULL DEFAULT 'taken',
    taken_at     timestamptz NOT NULL,
    pay_code     text        NULL,
    used_at      timestamptz NULL,
    voided_at    timestamptz NULL,
    void_reason  text        NULL,
    voided_by    text        NULL,
    returned_at  timestamptz NULL,
    returned_by  text        NULL,
    PRIMARY KEY (bill_code, number)
);

-- Monitoring: voided paper bills not yet handed back, oldest first.
CREATE INDEX IF NOT EXISTS bill_numbers_unreturned_voids ON nontax.bill_numbers (unit_code, voided_at)
    WHERE status = 'voided' AND medium = 'Paper' AND returned_at IS NULL;
