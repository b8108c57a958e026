-- The platform schema: the tenant registry, sign-ups, operators and the platform audit log.
CREATE TABLE tenants (
    id                bigserial PRIMARY KEY,
    slug              text        NOT NULL UNIQUE,
    name_zh           text        NOT NULL,
    name_en           text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'DELETED')),
    schema_name       text        NOT NULL UNIQUE,
    schema_version    text,
    provisioning_step text        NOT NULL DEFAULT 'NEW'
        CHECK (provisioning_step IN ('NEW', 'SCHEMA_CREATED', 'MIGRATED', 'SEEDED', 'DONE')),
    primary_color     text        NOT NULL DEFAULT '#1f5fa8',
    welcome_zh        text,
    welcome_en        text,
    logo              bytea,
    logo_type         text,
    time_zone         text        NOT NULL DEFAULT 'Asia/Shanghai',
    contact_name      text,
    contact_email     text,
    contact_phone     text,
    signup_id         bigint,
    suspended_reason  text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tenants_name_zh_uq ON tenants (lower(name_zh));
CREATE UNIQUE INDEX tenants_name_en_uq ON tenants (lower(name_en));
CREATE INDEX tenants_unfinished ON tenants (id) WHERE provisioning_step <> 'DONE';

CREATE TABLE signups (
    id            bigserial PRIMARY KEY,
    name_zh       text        NOT NULL,
    name_en       text        NOT NULL,
    slug          text        NOT NULL,
    contact_name  text        NOT NULL,
    email         text        NOT NULL,
    phone         text        NOT NULL,
    note          text,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    reject_reason text,
    decided_by    text,
    decided_at    timestamptz,
    tenant_id     bigint REFERENCES tenants (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- A refused or rejected sign-up frees its slug and names; an open or approved one holds them.
CREATE UNIQUE INDEX signups_slug_open ON signups (slug) WHERE status <> 'REJECTED';
CREATE UNIQUE INDEX signups_name_zh_open ON signups (lower(name_zh)) WHERE status <> 'REJECTED';
CREATE UNIQUE INDEX signups_name_en_open ON signups (lower(name_en)) WHERE status <> 'REJECTED';

CREATE TABLE operators (
    id            bigserial PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz
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

CREATE TABLE secrets (
    name       text PRIMARY KEY,
    value      bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
