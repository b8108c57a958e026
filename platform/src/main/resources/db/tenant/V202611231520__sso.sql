-- The university's OpenID Connect provider (统一身份认证), one per tenant.
CREATE TABLE sso_config (
    id                int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    issuer            text    NOT NULL,
    client_id         text    NOT NULL,
    client_secret_enc bytea   NOT NULL,
    username_claim    text    NOT NULL DEFAULT 'preferred_username',
    enabled           boolean NOT NULL DEFAULT true,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
