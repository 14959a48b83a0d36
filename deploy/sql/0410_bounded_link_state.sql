-- Bank links keep only unfinished messages in their grain state; delivered and closed ones are
-- shown to staff from outbound_messages alone, so the table carries what the link view shows:
-- when the last attempt was made and the peer's information text with its result.
ALTER TABLE nontax.outbound_messages
    ADD COLUMN IF NOT EXISTS last_attempt_at    timestamptz NULL,
    ADD COLUMN IF NOT EXISTS answer_information text NULL;

-- The link view lists a peer's messages newest first.
CREATE INDEX IF NOT EXISTS ix_outbound_messages_peer_queued ON nontax.outbound_messages (peer, queued_at DESC);
