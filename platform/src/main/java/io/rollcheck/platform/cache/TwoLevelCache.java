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
 * and tells every other process through Redis pub/sub. While Redis is away the near cache's short
 * time-to-live bounds how stale another node can be.
 *
 * <p>Keys given to this class must already carry the tenant where the value is tenant data.
 */
public final class TwoLevelCache<V> {

    private static final String ABSENT = "\u0000absent";

    private final String name;
    private final Redis redis;
    private final ObjectMapper mapper;
    private final Argument<V> type;
    private final Duration sharedTtl;
    private final Cache<String, Optional<V>> near;

    TwoLevelCache(String name, Redis redis, ObjectMapper mapper, Class<V> type, Duration nearTtl,
                  Duration sharedTtl, long maxEntries) {
        this.name = name;
        this.redis = redis;
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
        return near.get(key, k -> fromShared(k).orElseGet(() -> {
            Optional<V> loaded = loader.apply(k);
            redis.set(redisKey(k), loaded.map(this::write).orElse(ABSENT), sharedTtl);
            return loaded;
        }));
    }

    /**
     * This node's entry, without loading anything: for callers on an event loop, which must not
     * wait for Redis or PostgreSQL. Empty when this node holds nothing for the key.
     */
    public Optional<Optional<V>> peek(String key) {
        return Optional.ofNullable(near.getIfPresent(key));
    }

    /** Drops the entry on every node. */
    public void invalidate(String key) {
        near.invalidate(key);
        redis.delete(redisKey(key));
        redis.publish(CacheManager.CHANNEL, name + "|" + key);
    }

    void invalidateLocally(String key) {
        near.invalidate(key);
    }

    void clearLocally() {
        near.invalidateAll();
    }

    private Optional<Optional<V>> fromShared(String key) {
        return redis.get(redisKey(key)).map(s -> ABSENT.equals(s) ? Optional.empty() : Optional.of(read(s)));
    }

    private String redisKey(String key) {
        return redis.key("cache", name, key);
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
