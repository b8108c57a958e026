-- Campaigns: a working draft, and published versions that never change once written.
CREATE TABLE campaigns (
    id                bigserial PRIMARY KEY,
    name              text        NOT NULL,
    status            text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    published_version int         NOT NULL DEFAULT 0,
    draft             jsonb       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaign_versions (
    campaign_id    bigint      NOT NULL REFERENCES campaigns (id),
    version        int         NOT NULL,
    content        jsonb       NOT NULL,
    content_sha256 bytea       NOT NULL,
    notice_html    text        NOT NULL,
    published_at   timestamptz NOT NULL DEFAULT now(),
    published_by   text        NOT NULL,
    PRIMARY KEY (campaign_id, version)
);

-- A published version is evidence (students sign it): the database itself refuses to change it.
CREATE FUNCTION campaign_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published campaign versions are immutable' USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER campaign_versions_no_update BEFORE UPDATE OR DELETE ON campaign_versions
    FOR EACH ROW EXECUTE FUNCTION campaign_versions_immutable();

-- A tenant's own starting point for new campaigns.
CREATE TABLE campaign_templates (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    content    jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
