package io.rollcheck.platform.files;

import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.tenancy.TenantContext;

import java.util.Optional;

/**
 * Stored files of a tenant (notice attachments, later evidence and generated documents). Today in
 * the tenant's PostgreSQL schema; an S3-compatible store can implement the same interface at scale.
 */
public interface BlobStore {

    /** What is known of a stored file. */
    @Serdeable
    record Info(long id, String fileName, String contentType, long size, String sha256) {
    }

    /** A stored file with its bytes. */
    record Blob(Info info, byte[] bytes) {
    }

    Info put(TenantContext t, String fileName, String contentType, byte[] bytes);

    Optional<Blob> get(TenantContext t, long id);
}
