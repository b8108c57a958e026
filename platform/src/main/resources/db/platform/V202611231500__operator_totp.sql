ALTER TABLE operators
    ADD COLUMN totp_secret_enc bytea,
    ADD COLUMN totp_enabled    boolean NOT NULL DEFAULT false,
    ADD COLUMN totp_last_step  bigint;

-- Key id 0 is the platform's own data key (operator secrets); it rotates with the tenants' keys.
ALTER TABLE tenant_keys DROP CONSTRAINT tenant_keys_tenant_id_fkey;
