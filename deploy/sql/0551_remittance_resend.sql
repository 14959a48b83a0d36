-- Re-sending a refused remittance (docs/architecture.md, "Money after reconciliation"): finance
-- re-sends a 5618 the bank refused (2618 not 00000) as a new instruction with the same content and
-- a new RemitNo. The refused row becomes 'resent' and names its successor; the successor names the
-- row it re-sends. Both are projected from the day grain's remittance.resent fact.
ALTER TABLE nontax.remittances ADD COLUMN IF NOT EXISTS resent_as text NULL;
ALTER TABLE nontax.remittances ADD COLUMN IF NOT EXISTS resend_of text NULL;
ALTER TABLE nontax.remittances DROP CONSTRAINT IF EXISTS ck_remittances_status;
ALTER TABLE nontax.remittances ADD CONSTRAINT ck_remittances_status CHECK (status IN ('instructed', 'remitted', 'failed', 'resent'));
-- A refused row is re-sent at most once: a second successor would move the money twice.
CREATE UNIQUE INDEX IF NOT EXISTS ux_remittances_resend_of ON nontax.remittances (resend_of) WHERE resend_of IS NOT NULL;
