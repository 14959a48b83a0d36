-- Alerts raised by any part of the system (alert.raised facts) carry a severity, so the duty
-- roster can decide whom to wake. Rows raised before this column existed were dead outbound
-- messages, which are critical.
ALTER TABLE nontax.alerts ADD COLUMN IF NOT EXISTS severity text NOT NULL DEFAULT 'critical';
ALTER TABLE nontax.alerts ALTER COLUMN severity SET DEFAULT 'warning';
ALTER TABLE nontax.alerts DROP CONSTRAINT IF EXISTS ck_alerts_severity;
ALTER TABLE nontax.alerts ADD CONSTRAINT ck_alerts_severity CHECK (severity IN ('notice', 'warning', 'critical'));
