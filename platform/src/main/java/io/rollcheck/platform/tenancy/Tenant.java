package io.rollcheck.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Locale;

/** One university as the platform registry knows it. */
@Serdeable
public record Tenant(long id, String slug, String nameZh, String nameEn, TenantStatus status,
                     String schemaName, String schemaVersion, Branding branding, String timeZone,
                     Instant createdAt) {

    public TenantContext context() {
        return new TenantContext(id, slug, schemaName);
    }

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank()
                ? nameEn : nameZh;
    }
}
