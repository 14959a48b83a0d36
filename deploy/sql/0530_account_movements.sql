-- Money movements the banks report on fiscal and collection accounts after payment
-- (docs/architecture.md, "Money after reconciliation"): 2613 transfers out, 2615 arrivals,
-- 2616 virtual-account arrivals, 2619 late in-transit arrivals, and the executed rows of 2614
-- clearing and 2618 remittance results. Written by the account.movement_recorded projector in the
-- grain write that recorded the movement; reconciliation (2557/2556) and the BankAccount grains
-- read it. The business key is the reporting bank's own number for the movement, so a resent
-- message cannot count twice. Keep these columns stable: other components query them.
CREATE TABLE IF NOT EXISTS nontax.account_movements
(
    bank_node            text          NOT NULL,
    msg_no               text          NOT NULL,
    reference_no         text          NOT NULL,
    line_no              integer       NOT NULL DEFAULT 0,
    account_no           text          NOT NULL,
    business_day         date          NOT NULL,
    direction            text          NOT NULL,
    amount               numeric(17,2) NOT NULL,
    kind                 text          NOT NULL,
    counterparty_account text          NULL,
    related_no           text          NULL,
    pay_code             text          NULL,
    original_day         date          NULL,
    msg_id               text          NOT NULL,
    recorded_at          timestamptz   NOT NULL,
    CONSTRAINT pk_account_movements PRIMARY KEY (bank_node, msg_no, reference_no, line_no),
    CONSTRAINT ck_account_movements_direction CHECK (direction IN ('in', 'out')),
    CONSTRAINT ck_account_movements_amount CHECK (amount > 0),
    CONSTRAINT ck_account_movements_kind CHECK (kind IN ('transfer', 'arrival', 'virtual_arrival', 'late_arrival', 'clearing', 'remittance'))
);

CREATE INDEX IF NOT EXISTS ix_account_movements_account_day ON nontax.account_movements (account_no, business_day);
CREATE INDEX IF NOT EXISTS ix_account_movements_bank_day ON nontax.account_movements (bank_node, business_day);
CREATE INDEX IF NOT EXISTS ix_account_movements_related ON nontax.account_movements (related_no) WHERE related_no IS NOT NULL;
