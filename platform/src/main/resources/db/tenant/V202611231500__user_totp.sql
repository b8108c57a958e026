ALTER TABLE users
    ADD COLUMN totp_secret_enc bytea,
    ADD COLUMN totp_enabled    boolean NOT NULL DEFAULT false,
    ADD COLUMN totp_last_step  bigint;
