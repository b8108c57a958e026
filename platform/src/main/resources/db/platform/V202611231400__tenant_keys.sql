-- Each tenant's data key, wrapped (AES-256-GCM) by the master key whose id is stored beside it.
CREATE TABLE tenant_keys (
    tenant_id     bigint PRIMARY KEY REFERENCES tenants (id),
    wrapped_key   bytea       NOT NULL,
    master_key_id text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    rotated_at    timestamptz
);
