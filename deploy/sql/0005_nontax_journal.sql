-- The project's relational journal: business facts and unique claims that domain grains write
-- in the same transaction as their state (see docs/architecture.md, "Storage").

CREATE SCHEMA IF NOT EXISTS nontax;

-- One row per business fact. fact_id is deterministic for the change, so a replayed write
-- inserts nothing new (ON CONFLICT DO NOTHING).
CREATE TABLE IF NOT EXISTS nontax.business_facts
(
    fact_id     text        NOT NULL,
    kind        text        NOT NULL,
    subject     text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_business_facts PRIMARY KEY (fact_id)
);

CREATE INDEX IF NOT EXISTS ix_business_facts_subject ON nontax.business_facts (subject, occurred_at);
CREATE INDEX IF NOT EXISTS ix_business_facts_kind ON nontax.business_facts (kind, occurred_at);

-- Keys that must be unique across all grains (a bank's TraNoBus, an external payment code...).
-- The first owner keeps the key; another owner's claim fails the whole grain write.
CREATE TABLE IF NOT EXISTS nontax.unique_claims
(
    scope      text        NOT NULL,
    key        text        NOT NULL,
    owner      text        NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_unique_claims PRIMARY KEY (scope, key)
);
