package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.cache.CacheManager;
import io.rollcheck.platform.cache.TwoLevelCache;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Read side of the tenant registry, served from the two-level cache on the request path. Every
 * change to a tenant goes through {@link #changed(String)}, which invalidates it on all nodes.
 */
@Singleton
public class TenantRegistry {

    private final TenantStore store;
    private final TwoLevelCache<Tenant> bySlug;

    TenantRegistry(TenantStore store, CacheManager caches) {
        this.store = store;
        // Near entries live 30 s: the bound on staleness while Redis (and its pub/sub) is away.
        this.bySlug = caches.create("tenant-by-slug", Tenant.class, Duration.ofSeconds(30),
                Duration.ofMinutes(10), 20_000);
    }

    /** The tenant with this slug, whatever its status. */
    public Optional<Tenant> bySlug(String slug) {
        if (!Slug.isValid(slug)) {
            return Optional.empty();
        }
        return bySlug.get(slug, store::bySlug);
    }

    /** The tenant as this node holds it in memory, without loading: empty when it must be loaded. */
    public Optional<Optional<Tenant>> bySlugIfHeld(String slug) {
        if (!Slug.isValid(slug)) {
            return Optional.of(Optional.empty());
        }
        return bySlug.peek(slug);
    }

    /** Uncached: for the operator console and jobs. */
    public Optional<Tenant> byIdUncached(long id) {
        return store.byId(id);
    }

    /** Uncached: for the operator console. */
    public List<Tenant> allUncached() {
        return store.all();
    }

    /** Drops the cached entry for this slug on every node. */
    public void changed(String slug) {
        bySlug.invalidate(slug);
    }
}
