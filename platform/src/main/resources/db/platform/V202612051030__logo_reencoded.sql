-- Logos are re-encoded (metadata and trailing bytes dropped) when uploaded. Logos stored before
-- are re-encoded once, the first time they are served, and marked here.
ALTER TABLE tenants ADD COLUMN IF NOT EXISTS logo_reencoded boolean NOT NULL DEFAULT false;
