package io.rollcheck.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;

/** Public look of a tenant's portal. The logo is served from its own URL, never inlined here. */
@Serdeable
public record Branding(String primaryColor, String welcomeZh, String welcomeEn, boolean hasLogo) {

    public static final String DEFAULT_COLOR = "#1f5fa8";

    public static Branding defaults() {
        return new Branding(DEFAULT_COLOR, null, null, false);
    }
}
