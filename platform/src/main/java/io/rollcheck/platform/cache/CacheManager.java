package io.rollcheck.platform.cache;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Creates the process's two-level caches and routes invalidation messages to them. */
@Singleton
public class CacheManager {

    static final String CHANNEL = "invalidate";

    private final Redis redis;
    private final CacheEpoch epoch;
    private final ObjectMapper mapper;
    private final Map<String, TwoLevelCache<?>> caches = new ConcurrentHashMap<>();

    public CacheManager(Redis redis, CacheEpoch epoch, ObjectMapper mapper) {
        this.redis = redis;
        this.epoch = epoch;
        this.mapper = mapper;
        redis.onMessage((channel, message) -> {
            if (!CHANNEL.equals(channel)) {
                return;
            }
            int bar = message.indexOf('|');
            if (bar > 0) {
                TwoLevelCache<?> c = caches.get(message.substring(0, bar));
                if (c != null) {
                    c.invalidateLocally(message.substring(bar + 1));
                }
            }
        });
        redis.onReconnect(() -> caches.values().forEach(TwoLevelCache::clearLocally));
        epoch.onChange(() -> caches.values().forEach(TwoLevelCache::clearLocally));
    }

    public <V> TwoLevelCache<V> create(String name, Class<V> type, Duration nearTtl, Duration sharedTtl,
                                       long maxEntries) {
        TwoLevelCache<V> c = new TwoLevelCache<>(name, redis, epoch, mapper, type, nearTtl, sharedTtl, maxEntries);
        if (caches.putIfAbsent(name, c) != null) {
            throw new IllegalStateException("cache exists: " + name);
        }
        return c;
    }
}
