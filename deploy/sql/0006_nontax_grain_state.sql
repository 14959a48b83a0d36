-- State of domain grains written by the batched storage provider (storage name "nontax").
-- version is the ETag: every write must name the version it read, so a stale activation
-- (e.g. during a split brain) cannot overwrite a newer state.

CREATE TABLE IF NOT EXISTS nontax.grain_state
(
    grain_type text        NOT NULL,
    grain_id   text        NOT NULL,
    state_name text        NOT NULL,
    version    bigint      NOT NULL,
    payload    bytea       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_grain_state PRIMARY KEY (grain_type, grain_id, state_name)
);
