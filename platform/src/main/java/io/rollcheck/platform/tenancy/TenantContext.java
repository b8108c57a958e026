package io.rollcheck.platform.tenancy;

import java.util.Objects;

/**
 * The tenant a unit of work runs for. Resolved once at an edge (API filter, Jetty filter, job runner)
 * and passed down explicitly; nothing below the edge parses a host or a slug.
 *
 * <p>The schema name is derived from a validated slug only ({@link Slug#schemaOf(String)}), so it
 * is safe to quote into SQL as an identifier.
 */
public record TenantContext(long tenantId, String slug, String schema) {

    public TenantContext {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(schema, "schema");
        if (!Slug.isSchemaName(schema)) {
            throw new IllegalArgumentException("not a tenant schema name");
        }
    }
}
