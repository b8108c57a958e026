package io.rollcheck.tenantadmin.portal;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A short news item on a tenant's portal front page. */
@Serdeable
public record PortalNotice(long id, String title, String body, Instant createdAt) {
}
