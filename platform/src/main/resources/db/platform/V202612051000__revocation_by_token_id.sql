-- Revocation by the token's id (jti), never by its text: the JWT library accepts more than one
-- encoding of the same token, so a hash of the text can be dodged by re-encoding it. Tokens issued
-- before this change carry no jti and are refused from now on, so the old list is of no use.
DROP TABLE revoked_tokens;
CREATE TABLE revoked_tokens (
    jti        text PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at);

-- Every token of one user issued before cutoff_at is refused (password changed or reset, account
-- locked). A row is useful only while a token issued before it could still be alive.
CREATE TABLE token_cutoffs (
    subject_hash bytea PRIMARY KEY,
    cutoff_at    timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX token_cutoffs_expiry ON token_cutoffs (expires_at);
