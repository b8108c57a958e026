package io.rollcheck.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Locale;

/** One university as the platform registry knows it. */
@Serdeable
public record Tenant(long id, String slug, String nameZh, String nameEn, TenantStatus status,
                     String schemaName, String schemaVersion, Branding branding, String timeZone,
                     Instant createdAt) {

    /** The university's time zone (deadlines, dates on documents); Asia/Shanghai when unset or unknown. */
    public java.time.ZoneId zone() {
        try {
            return timeZone == null ? java.time.ZoneId.of("Asia/Shanghai") : java.time.ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return java.time.ZoneId.of("Asia/Shanghai");
        }
    }

    public TenantContext context() {
        return new TenantContext(id, slug, schemaName);
    }

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank()
                ? nameEn : nameZh;
    }
}
