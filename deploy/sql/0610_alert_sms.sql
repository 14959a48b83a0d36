-- Alerts and SMS (docs/operations.md "Alerts and SMS"; docs/architecture.md "Alerts and SMS").
-- Staff close an alert (after acknowledging it or not): who, when, how.
ALTER TABLE nontax.alerts ADD COLUMN IF NOT EXISTS closed_at timestamptz NULL;
ALTER TABLE nontax.alerts ADD COLUMN IF NOT EXISTS closed_by text NULL;
ALTER TABLE nontax.alerts ADD COLUMN IF NOT EXISTS close_note text NULL;
-- Set by the SMS dispatcher in the transaction that adds the alert's outbox rows: planned once.
ALTER TABLE nontax.alerts ADD COLUMN IF NOT EXISTS sms_planned_at timestamptz NULL;

CREATE INDEX IF NOT EXISTS ix_alerts_unplanned ON nontax.alerts (raised_at, alert_id) WHERE sms_planned_at IS NULL;

-- The durable SMS outbox: one row per alert and recipient's phone, whatever the number of ticks.
CREATE TABLE IF NOT EXISTS nontax.alert_sms
(
    alert_id        text        NOT NULL,
    phone           text        NOT NULL,
    recipient       text        NOT NULL,
    role            text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text        NULL,
    reference       text        NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz NULL,
    CONSTRAINT pk_alert_sms PRIMARY KEY (alert_id, phone),
    CONSTRAINT fk_alert_sms_alert FOREIGN KEY (alert_id) REFERENCES nontax.alerts (alert_id),
    CONSTRAINT ck_alert_sms_status CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'))
);

CREATE INDEX IF NOT EXISTS ix_alert_sms_due ON nontax.alert_sms (next_attempt_at) WHERE status = 'pending';

-- Every alert raised, acknowledged or closed is also an event: NOTIFY on channel nontax_alerts
-- with a small JSON payload (alertId, event, kind, severity, subject); a listener reads the row
-- from nontax.alerts. Sent at commit, so a listener never sees an alert that was rolled back.
CREATE OR REPLACE FUNCTION nontax.notify_alert() RETURNS trigger
LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('nontax_alerts', json_build_object(
        'alertId', NEW.alert_id,
        'event', CASE
            WHEN TG_OP = 'INSERT' THEN 'raised'
            WHEN NEW.closed_at IS NOT NULL AND OLD.closed_at IS NULL THEN 'closed'
            ELSE 'acknowledged' END,
        'kind', NEW.kind,
        'severity', NEW.severity,
        'subject', NEW.subject)::text);
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS tr_alerts_notify ON nontax.alerts;
CREATE TRIGGER tr_alerts_notify
    AFTER INSERT OR UPDATE OF acknowledged_at, closed_at ON nontax.alerts
    FOR EACH ROW EXECUTE FUNCTION nontax.notify_alert();
