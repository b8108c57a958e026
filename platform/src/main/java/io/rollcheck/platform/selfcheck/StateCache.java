package io.rollcheck.platform.selfcheck;

import io.rollcheck.platform.cache.CacheManager;
import io.rollcheck.platform.cache.TwoLevelCache;
import io.rollcheck.platform.campaign.PublishedCampaign;
import io.rollcheck.platform.campaign.PublishedCampaigns;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The students' check states on the read path (deadline-day traffic is mostly students reloading
 * their page): two-level cache keyed by tenant, student and the tenant's published versions (a new
 * version is a new key). A student's own writes, a reviewer's decision and reading messages drop
 * the entry on every node; changes made to the record by the registrar show within
 * {@link #TTL}. Signing never reads from here.
 */
@Singleton
public class StateCache {

    static final Duration TTL = Duration.ofSeconds(20);

    private final TwoLevelCache<CheckState> cache;
    private final PublishedCampaigns campaigns;

    public StateCache(CacheManager caches, PublishedCampaigns campaigns) {
        this.cache = caches.create("selfcheck-state", CheckState.class, TTL, TTL, 200_000);
        this.campaigns = campaigns;
    }

    CheckState get(TenantContext t, long studentId, Supplier<CheckState> loader) {
        return cache.get(key(t, studentId), k -> Optional.of(loader.get())).orElseThrow();
    }

    /** Drops a student's state on every node; call after the change committed. */
    public void invalidate(TenantContext t, long studentId) {
        cache.invalidate(key(t, studentId));
    }

    private String key(TenantContext t, long studentId) {
        StringBuilder sb = new StringBuilder().append(t.tenantId()).append(':').append(studentId);
        for (PublishedCampaign c : campaigns.open(t)) {
            sb.append(':').append(c.campaignId()).append('.').append(c.version());
        }
        return sb.toString();
    }
}
