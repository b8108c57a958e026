package io.rollcheck.platform.tenancy;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a Host header into a {@link HostResolution}: {@code <base-domain>} is the platform site,
 * {@code <slug>.<base-domain>} a tenant. Only edges call this.
 */
@Singleton
public class TenantResolver {

    private final String baseDomain;
    private final TenantRegistry registry;

    public TenantResolver(@Value("${rollcheck.base-domain:localhost}") String baseDomain, TenantRegistry registry) {
        this.baseDomain = baseDomain.toLowerCase(Locale.ROOT);
        this.registry = registry;
    }

    public String baseDomain() {
        return baseDomain;
    }

    public HostResolution resolve(String hostHeader) {
        return resolve(hostHeader, slug -> Optional.of(registry.bySlug(slug))).orElseThrow();
    }

    /**
     * The resolution when it needs nothing that this node does not hold in memory (the common
     * case), for callers on an event loop; empty when the tenant must be loaded first.
     */
    public Optional<HostResolution> resolveIfHeld(String hostHeader) {
        return resolve(hostHeader, registry::bySlugIfHeld);
    }

    private Optional<HostResolution> resolve(String hostHeader, Function<String, Optional<Optional<Tenant>>> lookup) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.of(HostResolution.UNKNOWN);
        }
        String host = stripPort(hostHeader.strip().toLowerCase(Locale.ROOT));
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals(baseDomain)) {
            return Optional.of(HostResolution.PLATFORM);
        }
        String suffix = "." + baseDomain;
        if (!host.endsWith(suffix)) {
            return Optional.of(HostResolution.UNKNOWN);
        }
        String label = host.substring(0, host.length() - suffix.length());
        if (!Slug.isValid(label)) {
            return Optional.of(HostResolution.UNKNOWN);
        }
        return lookup.apply(label).map(tenant -> tenant.<HostResolution>map(t -> switch (t.status()) {
            case ACTIVE -> new HostResolution.Serving(t);
            case SUSPENDED -> new HostResolution.Suspended(t);
            case PENDING, DELETED -> HostResolution.UNKNOWN;
        }).orElse(HostResolution.UNKNOWN));
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }
}
