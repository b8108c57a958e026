package io.rollcheck.platform.cache;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** {@code /health} component for Redis. Redis down degrades the service; it does not stop it. */
@Singleton
public class RedisHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final Redis redis;

    public RedisHealth(Redis redis) {
        this.redis = redis;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean up = redis.ping();
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("ping", up ? "PONG" : "unreachable");
    }

    @Override
    protected String getName() {
        return "redis";
    }
}
