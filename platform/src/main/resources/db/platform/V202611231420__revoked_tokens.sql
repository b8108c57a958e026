-- API tokens revoked before they expire (logout). Redis holds a copy for the per-request check.
CREATE TABLE revoked_tokens (
    token_hash bytea PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at);
