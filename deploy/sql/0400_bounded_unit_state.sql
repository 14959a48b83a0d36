-- Bounded collecting-unit state (docs/architecture.md, "Bounded state"). The unit grain no longer
-- keeps its open and un-remitted notices; its monitoring rules ask these tables instead, on the
-- reminder tick and on demand. Stored unit states written with the old shape still load: the
-- retired fields are skipped by the serializer and dropped at the unit's next write, so grain_state
-- needs no change here.

-- When a paid notice's money reached the treasury or account (notice.remitted, told by remittance).
ALTER TABLE nontax.notices ADD COLUMN IF NOT EXISTS remitted_date date NULL;
ALTER TABLE nontax.notices ADD COLUMN IF NOT EXISTS remitted_at timestamptz NULL;

-- Open notices of a unit, oldest first: count, oldest issue date, and the oldest issued after the
-- unit's clearing watermark (issued_at) without visiting the heap.
CREATE INDEX IF NOT EXISTS ix_notices_unit_open
    ON nontax.notices (unit_code, issue_date, pay_code) INCLUDE (issued_at)
    WHERE status = 'unpaid';

-- Paid, not yet remitted notices of a unit, oldest payment first; the watermark compares paid_at.
CREATE INDEX IF NOT EXISTS ix_notices_unit_unremitted
    ON nontax.notices (unit_code, paid_cfm_date, pay_code) INCLUDE (paid_at)
    WHERE status = 'paid' AND remitted_at IS NULL;
