package io.rollcheck.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A near cache (Caffeine, in this process) in front of a shared cache (Redis) in front of the
 * source of truth (the loader, PostgreSQL). {@link #invalidate} drops the entry here and in Redis
 * and tells every other process through Redis pub/sub. Every key, here and in Redis, carries the
 * deployment's {@link CacheEpoch}; while the node does not trust its caches (Redis away or just back)
 * reads go straight to the source, and an invalidation that could not be delivered raises the epoch,
 * so nothing cached before it is read again on any node.
 *
 * <p>Keys given to this class must already carry the tenant where the value is tenant data.
 */
public final class TwoLevelCache<V> {

    private static final String ABSENT = "\u0000absent";

    private final String name;
    private final Redis redis;
    private final CacheEpoch epoch;
    private final ObjectMapper mapper;
    private final Argument<V> type;
    private final Duration sharedTtl;
    private final Cache<String, Optional<V>> near;

    TwoLevelCache(String name, Redis redis, CacheEpoch epoch, ObjectMapper mapper, Class<V> type, Duration nearTtl,
                  Duration sharedTtl, long maxEntries) {
        this.name = name;
        this.redis = redis;
        this.epoch = epoch;
        this.mapper = mapper;
        this.type = Argument.of(type);
        this.sharedTtl = sharedTtl;
        this.near = Caffeine.newBuilder().expireAfterWrite(nearTtl).maximumSize(maxEntries).build();
    }

    public String name() {
        return name;
    }

    /** The value for {@code key}, loading it from the source when neither cache has it. */
    public Optional<V> get(String key, Function<String, Optional<V>> loader) {
        if (!epoch.trusted()) {
            return loader.apply(key); // what either cache holds may be stale: read the source
        }
        long e = epoch.current();
        return near.get(e + "|" + key, k -> fromShared(e, key).orElseGet(() -> {
            Optional<V> loaded = loader.apply(key);
            redis.set(redisKey(e, key), loaded.map(this::write).orElse(ABSENT), sharedTtl);
            return loaded;
        }));
    }

    /**
     * This node's entry, without loading anything: for callers on an event loop, which must not
     * wait for Redis or PostgreSQL. Empty when this node holds nothing for the key.
     */
    public Optional<Optional<V>> peek(String key) {
        if (!epoch.trusted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(near.getIfPresent(epoch.current() + "|" + key));
    }

    /**
     * Drops the entry on every node. When Redis cannot take the delete or the message, the epoch is
     * raised instead: other nodes and a Redis that comes back with its data must not serve the old value.
     */
    public void invalidate(String key) {
        long e = epoch.current();
        near.invalidate(e + "|" + key);
        boolean deleted = redis.delete(redisKey(e, key));
        boolean told = redis.publish(CacheManager.CHANNEL, name + "|" + key);
        if (!deleted || !told) {
            epoch.invalidationLost();
        }
    }

    void invalidateLocally(String key) {
        near.invalidate(epoch.current() + "|" + key);
    }

    void clearLocally() {
        near.invalidateAll();
    }

    private Optional<Optional<V>> fromShared(long e, String key) {
        return redis.get(redisKey(e, key)).map(s -> ABSENT.equals(s) ? Optional.empty() : Optional.of(read(s)));
    }

    private String redisKey(long e, String key) {
        return redis.key("cache", "e" + e, name, key);
    }

    private String write(V value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private V read(String json) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
