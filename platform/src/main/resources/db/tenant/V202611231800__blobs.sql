-- Stored files (notice attachments; later evidence and generated documents), behind BlobStore.
CREATE TABLE blobs (
    id           bigserial PRIMARY KEY,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL,
    sha256       text        NOT NULL,
    data         bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
