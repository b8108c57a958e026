package io.rollcheck.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.SetArgs;
import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.cache.Redis;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lockout and rate limits for sign-in and setup links, kept in Redis so that they hold across
 * restarts and across nodes: 5 failed attempts on an account (known or not: no enumeration) lock
 * it for 15 minutes; an IP address gets a bounded number of attempts a minute. While Redis is away
 * the same rules apply per node, in memory.
 */
@Singleton
public class LoginGuard {

    public static final String LOCKED = "account_locked";
    public static final String RATE_LIMITED = "rate_limited";

    private final Redis redis;
    private final int maxFailures;
    private final Duration lock;
    private final int perIpPerMinute;
    private final Cache<String, AtomicLong> local = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15)).maximumSize(100_000).build();

    public LoginGuard(Redis redis,
                      @Value("${rollcheck.security.max-failures:5}") int maxFailures,
                      @Value("${rollcheck.security.lockout:15m}") Duration lock,
                      @Value("${rollcheck.security.ip-per-minute:30}") int perIpPerMinute) {
        this.redis = redis;
        this.maxFailures = maxFailures;
        this.lock = lock;
        this.perIpPerMinute = perIpPerMinute;
    }

    /** Why this attempt must be refused before the password is even checked; empty to go on. */
    public Optional<String> refusal(String scope, String username, String ip) {
        if (ip != null && count(ipKey(ip), Duration.ofMinutes(1)) > perIpPerMinute) {
            return Optional.of(RATE_LIMITED);
        }
        String lockKey = accountKey(scope, username, "lock");
        boolean locked = redis.call(c -> c.exists(lockKey)).map(n -> n > 0)
                .orElseGet(() -> local.getIfPresent(lockKey) != null);
        return locked ? Optional.of(LOCKED) : Optional.empty();
    }

    /** Counts a failed attempt; the one that reaches the limit locks the account. */
    public void failed(String scope, String username) {
        long n = count(accountKey(scope, username, "fail"), lock);
        if (n >= maxFailures) {
            String lockKey = accountKey(scope, username, "lock");
            if (redis.call(c -> c.set(lockKey, "1", SetArgs.Builder.px(lock.toMillis()))).isEmpty()) {
                local.put(lockKey, new AtomicLong(1));
            }
        }
    }

    public void succeeded(String scope, String username) {
        String k = accountKey(scope, username, "fail");
        redis.delete(k);
        local.invalidate(k);
    }

    /** Counts one use of a rate-limited action by an IP (e.g. opening setup links); true if within limit. */
    public boolean allow(String action, String ip, int perMinute) {
        return ip == null || count(redis.key("ip", action, ip), Duration.ofMinutes(1)) <= perMinute;
    }

    private long count(String key, Duration window) {
        return redis.call(c -> {
            Long n = c.incr(key);
            if (n != null && n == 1L) {
                c.pexpire(key, window.toMillis());
            }
            return n;
        }).orElseGet(() -> local.get(key, k -> new AtomicLong()).incrementAndGet());
    }

    private String ipKey(String ip) {
        return redis.key("ip", "signin", ip);
    }

    private String accountKey(String scope, String username, String what) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // hashed: user names of a tenant do not appear in Redis in clear
        String h = HexFormat.of().formatHex(Tokens.sha256(u.getBytes(StandardCharsets.UTF_8)), 0, 12);
        return redis.key("t", scope, "signin", what, h);
    }
}
