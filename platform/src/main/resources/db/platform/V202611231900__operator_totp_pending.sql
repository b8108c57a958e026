ALTER TABLE operators ADD COLUMN totp_pending_enc bytea;
