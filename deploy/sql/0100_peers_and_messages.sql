-- Peer registry, message archive and inbound idempotency for the socket edge and bank links.

-- Every node that talks CNNONTAX with this finance node: agent and clearing banks, the public
-- payment platform and units' own systems. Tokens are encrypted at rest (AES-GCM, key from the
-- environment); the previous token stays valid for a grace period after a 2003 change because
-- the reply to the change may be lost on a short connection.
CREATE TABLE IF NOT EXISTS peers (
    node_code                 text PRIMARY KEY,
    kind                      text NOT NULL CHECK (kind IN ('agent_bank', 'clearing_bank', 'payment_platform', 'unit_platform')),
    name                      text NOT NULL,
    token_cipher              bytea NOT NULL,
    previous_token_cipher     bytea NULL,
    previous_token_expires_at timestamptz NULL,
    endpoint_host             text NULL,
    endpoint_port             integer NULL CHECK (endpoint_port IS NULL OR endpoint_port BETWEEN 1 AND 65535),
    allowed_networks          text[] NOT NULL DEFAULT '{}',
    acting_units              text[] NOT NULL DEFAULT '{}',
    enabled                   boolean NOT NULL DEFAULT true,
    version                   integer NOT NULL DEFAULT 1,
    updated_at                timestamptz NOT NULL DEFAULT now(),
    updated_by                text NOT NULL
);

-- Who changed a peer and how (tokens never appear here, only that they changed).
CREATE TABLE IF NOT EXISTS peer_changes (
    id          bigserial PRIMARY KEY,
    node_code   text NOT NULL,
    change      text NOT NULL,
    detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
    changed_by  text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

-- Every frame in or out, raw, for audit and disputes.
CREATE TABLE IF NOT EXISTS message_archive (
    id              bigserial PRIMARY KEY,
    direction       char(1) NOT NULL CHECK (direction IN ('I', 'O')),
    peer            text NULL,
    remote_address  text NULL,
    msg_no          text NULL,
    msg_id          text NULL,
    msg_ref         text NULL,
    result          text NULL,
    note            text NULL,
    raw_frame       bytea NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_message_archive_peer_time ON message_archive (peer, recorded_at);
CREATE INDEX IF NOT EXISTS ix_message_archive_msg_id ON message_archive (peer, msg_id);

-- The reply given to each (SRC, MsgID): a resend gets the same answer again and changes nothing.
-- The reply body is kept (not the signed frame) so it is re-signed with the peer's current token.
CREATE TABLE IF NOT EXISTS inbound_replies (
    src           text NOT NULL,
    msg_id        text NOT NULL,
    body_sha256   bytea NOT NULL,
    reply_msg_no  text NOT NULL,
    reply_body    bytea NOT NULL,
    result        text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (src, msg_id)
);
CREATE INDEX IF NOT EXISTS ix_inbound_replies_created ON inbound_replies (created_at);

-- Free-form "green channel" messages (2000) from banks, shown to staff.
CREATE TABLE IF NOT EXISTS green_channel_messages (
    id           bigserial PRIMARY KEY,
    src          text NOT NULL,
    msg_id       text NOT NULL,
    title        text NOT NULL,
    content      text NOT NULL,
    sender       text NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    read_by      text NULL,
    read_at      timestamptz NULL,
    UNIQUE (src, msg_id)
);

-- Base-data pushes to banks (5952, 5953, 5981) and each bank's 2952 acknowledgement.
CREATE TABLE IF NOT EXISTS base_data_pushes (
    msg_no       text NOT NULL,
    seq_no       bigint NOT NULL,
    peer         text NOT NULL,
    sent_at      timestamptz NOT NULL DEFAULT now(),
    ack_result   text NULL,
    ack_at       timestamptz NULL,
    PRIMARY KEY (msg_no, seq_no, peer)
);
CREATE TABLE IF NOT EXISTS base_data_push_errors (
    msg_no   text NOT NULL,
    seq_no   bigint NOT NULL,
    peer     text NOT NULL,
    acct_no  text NOT NULL,
    code     text NOT NULL,
    reason   text NOT NULL,
    PRIMARY KEY (msg_no, seq_no, peer, acct_no)
);
