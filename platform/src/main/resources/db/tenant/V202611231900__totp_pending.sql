-- A new TOTP secret waits here until a code proves the app has it; the active one keeps working.
ALTER TABLE users ADD COLUMN totp_pending_enc bytea;
