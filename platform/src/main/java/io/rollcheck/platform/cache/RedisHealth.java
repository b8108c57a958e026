package io.rollcheck.platform.cache;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * {@code /health} component for Redis. Redis away degrades the service (caches, pub/sub and rate
 * counters fall back to PostgreSQL); it does not stop it, so it reports {@code DEGRADED}, an
 * operational status: neither {@code /health} nor {@code /health/readiness} answers 503 for it, and a
 * load balancer keeps sending traffic to the node.
 */
@Singleton
public class RedisHealth extends AbstractHealthIndicator<Map<String, Object>> {

    /** Operational, but worse than UP. */
    public static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "Redis is unreachable: caches and pub/sub are off, the node serves from PostgreSQL", true, 500);

    private final Redis redis;
    private final CacheEpoch epoch;

    public RedisHealth(Redis redis, CacheEpoch epoch) {
        this.redis = redis;
        this.epoch = epoch;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean up = redis.ping();
        healthStatus = up ? HealthStatus.UP : DEGRADED;
        return Map.of("ping", up ? "PONG" : "unreachable", "caches", epoch.trusted() ? "in use" : "bypassed");
    }

    @Override
    protected String getName() {
        return "redis";
    }
}
