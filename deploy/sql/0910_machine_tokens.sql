-- Named, scoped machine tokens (机器令牌) for automation (docs/architecture.md "Web app",
-- docs/operations.md "Machine tokens"): each script or job has its own token with its own rights,
-- instead of one shared administrator token. Only the SHA-256 of the secret is stored; the
-- prefix is its first characters, not secret, so lists and logs can tell tokens apart. A token
-- always expires (at most a year) and a revoked one stays as a record of who revoked it when.
CREATE TABLE IF NOT EXISTS nontax.machine_tokens
(
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    name         text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    purpose      text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    token_hash   bytea       NOT NULL CHECK (length(token_hash) = 32),
    prefix       text        NOT NULL CHECK (length(prefix) BETWEEN 4 AND 16),
    permissions  text[]      NOT NULL CHECK (cardinality(permissions) >= 1),
    unit_code    text        NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_by   text        NULL,
    revoked_at   timestamptz NULL,
    last_used_at timestamptz NULL,
    CONSTRAINT pk_machine_tokens PRIMARY KEY (id),
    CONSTRAINT ux_machine_tokens_name UNIQUE (name),
    CONSTRAINT ux_machine_tokens_hash UNIQUE (token_hash),
    CONSTRAINT ck_machine_tokens_expiry CHECK (expires_at > created_at AND expires_at <= created_at + interval '366 days'),
    CONSTRAINT ck_machine_tokens_revoked CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
);
