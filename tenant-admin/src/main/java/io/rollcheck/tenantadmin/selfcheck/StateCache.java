package io.rollcheck.tenantadmin.selfcheck;

import io.rollcheck.platform.cache.CacheManager;
import io.rollcheck.platform.cache.TwoLevelCache;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The students' check states on the read path (deadline-day traffic is mostly students reloading
 * their page): two-level cache keyed by tenant, student, the tenant's published versions (a new
 * version is a new key) and the tenant's generation. A student's own writes, a reviewer's decision
 * and reading messages drop his entry on every node; changes made for many students at once (a
 * roster import, reminders, a class nudge) bump the tenant's generation, which retires every entry
 * of that tenant on every node. Signing never reads from here.
 */
@Singleton
public class StateCache {

    static final Duration TTL = Duration.ofMinutes(10);

    private final TwoLevelCache<CheckState> cache;
    private final TwoLevelCache<String> generations;
    private final PublishedCampaigns campaigns;

    public StateCache(CacheManager caches, PublishedCampaigns campaigns) {
        this.cache = caches.create("selfcheck-state", CheckState.class, TTL, TTL, 100_000);
        this.generations = caches.create("selfcheck-generation", String.class, Duration.ofHours(1), Duration.ofDays(2), 10_000);
        this.campaigns = campaigns;
    }

    CheckState get(TenantContext t, long studentId, Supplier<CheckState> loader) {
        return cache.get(key(t, studentId), k -> Optional.of(loader.get())).orElseThrow();
    }

    /** The state as this node holds it in memory (with its key's parts), without loading anything. */
    Optional<CheckState> peek(TenantContext t, long studentId) {
        Optional<String> generation = generations.peek(Long.toString(t.tenantId())).flatMap(g -> g);
        Optional<List<PublishedCampaign>> open = campaigns.openIfHeld(t);
        if (generation.isEmpty() || open.isEmpty()) {
            return Optional.empty();
        }
        return cache.peek(key(t.tenantId(), studentId, generation.get(), open.get())).flatMap(s -> s);
    }

    /** Drops a student's state on every node; call after the change committed. */
    public void invalidate(TenantContext t, long studentId) {
        cache.invalidate(key(t, studentId));
    }

    /** Retires every student state of the tenant on every node; call after a change to many students committed. */
    public void invalidateTenant(TenantContext t) {
        generations.invalidate(Long.toString(t.tenantId()));
    }

    private String key(TenantContext t, long studentId) {
        String generation = generations.get(Long.toString(t.tenantId()), k -> Optional.of(UUID.randomUUID().toString())).orElseThrow();
        return key(t.tenantId(), studentId, generation, campaigns.open(t));
    }

    private static String key(long tenantId, long studentId, String generation, List<PublishedCampaign> open) {
        StringBuilder sb = new StringBuilder().append(tenantId).append(':').append(studentId).append(':').append(generation);
        for (PublishedCampaign c : open) {
            sb.append(':').append(c.campaignId()).append('.').append(c.version());
        }
        return sb.toString();
    }
}
