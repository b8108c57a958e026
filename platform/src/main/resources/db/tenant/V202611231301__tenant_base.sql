-- Base of every tenant schema. Runs inside the tenant's own schema (search_path = that schema).
CREATE TABLE users (
    id               bigserial PRIMARY KEY,
    username         text        NOT NULL UNIQUE,
    display_name     text        NOT NULL,
    roles            text[]      NOT NULL,
    password_hash    text,
    setup_token_hash bytea,
    setup_expires_at timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Short news items the registrar shows on the portal's front page.
CREATE TABLE portal_notices (
    id         bigserial PRIMARY KEY,
    title      text        NOT NULL,
    body       text        NOT NULL,
    published  boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text        NOT NULL,
    action    text        NOT NULL,
    target    text,
    detail    text,
    ip        text,
    prev_hash bytea,
    hash      bytea       NOT NULL
);
