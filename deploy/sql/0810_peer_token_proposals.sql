-- Maker-checker on a peer's communication token (四眼原则, docs/architecture.md "Web app"): one
-- person proposes the token agreed with the bank, a second one approves before it takes effect.
-- The proposed token is encrypted at rest like the peers table's (AES-GCM bound to the node code,
-- key from the environment); it is cleared once the proposal is decided, so a decided row holds
-- no token at all. One pending proposal per peer at a time.
CREATE TABLE IF NOT EXISTS nontax.peer_token_proposals
(
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    node_code     text        NOT NULL,
    token_cipher  bytea       NULL,
    token_length  smallint    NOT NULL CHECK (token_length BETWEEN 8 AND 64),
    grace_seconds integer     NOT NULL CHECK (grace_seconds >= 0),
    base_version  integer     NOT NULL,
    proposed_by   text        NOT NULL,
    proposed_at   timestamptz NOT NULL DEFAULT now(),
    status        text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'failed')),
    decided_by    text        NULL,
    decided_at    timestamptz NULL,
    decision_note text        NULL,
    CONSTRAINT pk_peer_token_proposals PRIMARY KEY (id),
    -- The checker is never the maker.
    CONSTRAINT ck_peer_token_proposals_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
    CONSTRAINT ck_peer_token_proposals_decided CHECK ((status = 'pending') = (decided_by IS NULL AND decided_at IS NULL)),
    CONSTRAINT ck_peer_token_proposals_token CHECK ((status = 'pending') = (token_cipher IS NOT NULL))
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_peer_token_proposals_pending ON nontax.peer_token_proposals (node_code) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS ix_peer_token_proposals_node ON nontax.peer_token_proposals (node_code, id);
