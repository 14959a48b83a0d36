-- Base-data pushes: what each bank's 2952 acknowledged. An ack for an older SeqNo than the newest
-- refresh sent to that bank is still recorded but flagged stale (the bank may have applied the
-- newer one already, or it still holds the older data).
ALTER TABLE base_data_pushes
    ADD COLUMN IF NOT EXISTS row_count   integer NULL,
    ADD COLUMN IF NOT EXISTS ack_msg_id  text NULL,
    ADD COLUMN IF NOT EXISTS ack_msg_ref text NULL,
    ADD COLUMN IF NOT EXISTS ack_stale   boolean NOT NULL DEFAULT false;

-- The newest push of a kind to a bank, for the stale check and the staff screen.
CREATE INDEX IF NOT EXISTS ix_base_data_pushes_peer ON base_data_pushes (msg_no, peer, seq_no DESC);
