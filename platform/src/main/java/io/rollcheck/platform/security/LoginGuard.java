package io.rollcheck.platform.security;

import io.rollcheck.platform.digest.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.cache.Redis;
import io.rollcheck.platform.db.Db;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lockout and rate limits for sign-in, re-authentication and setup links (threat model:
 * {@code docs/security-signin.md}). What it promises:
 * <ul>
 * <li>An account is locked <em>per source address</em>: {@code max-failures} failures on it from one
 * address lock it for that address only, so nobody can keep the owner out from elsewhere.</li>
 * <li>Failures on an account from all addresses together past {@code account-max-failures} bring a
 * delay for every address that doubles with each further failure (1 s, 2 s, …, at most the lockout).</li>
 * <li>An address has a budget of failures a minute, counted over all accounts (successes never use
 * it). Over budget, a right password still signs in; a wrong one locks that account for that address
 * at once, so guessing across accounts gets one try per account per lockout instead of five.</li>
 * <li>Re-authentication of a signed-in user has its own count per account and is not held back by
 * other people's failures nor by the address budget: only the session's holder can reach it.</li>
 * <li>Locks live in PostgreSQL: a Redis outage or restart never drops one. The counters live in
 * Redis (per node in memory while it is away); losing them costs at most one more round of tries.</li>
 * </ul>
 * Every refusal carries the seconds to wait. Accounts are known or not alike (no enumeration).
 */
@Singleton
public class LoginGuard {

    public static final String LOCKED = "account_locked";
    public static final String RATE_LIMITED = "rate_limited";

    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);

    /** A refusal before the password is checked: its code and the seconds until a try is worth it. */
    public record Wait(String code, long seconds) {
    }

    private final Redis redis;
    private final Db db;
    private final int maxFailures;
    private final int accountMaxFailures;
    private final Duration lock;
    private final int ipFailuresPerMinute;
    private final Cache<String, AtomicLong> local = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15)).maximumSize(100_000).build();

    public LoginGuard(Redis redis, Db db,
                      @Value("${rollcheck.security.max-failures:5}") int maxFailures,
                      @Value("${rollcheck.security.account-max-failures:50}") int accountMaxFailures,
                      @Value("${rollcheck.security.lockout:15m}") Duration lock,
                      @Value("${rollcheck.security.ip-failures-per-minute:100}") int ipFailuresPerMinute) {
        this.redis = redis;
        this.db = db;
        this.maxFailures = maxFailures;
        this.accountMaxFailures = accountMaxFailures;
        this.lock = lock;
        this.ipFailuresPerMinute = ipFailuresPerMinute;
    }

    /** Why a sign-in must be refused before the password is even checked; empty to go on. */
    public Optional<Wait> refusal(String scope, String username, String ip) {
        return locked(scope, pairKey(username, ip), accountKey(username));
    }

    /** Counts a failed sign-in; may lock the account for this address, or slow it down everywhere. */
    public void failed(String scope, String username, String ip) {
        String u = hash(norm(username));
        long pair = count(redis.key("t", scope, "signin", "fail", u, hash(ip)), lock);
        long all = count(redis.key("t", scope, "signin", "afail", u), lock);
        long fromIp = ip == null ? 0 : count(ipKey(ip), Duration.ofMinutes(1));
        if (pair >= maxFailures) {
            lock(scope, pairKey(username, ip), LOCKED, lock);
        } else if (fromIp > ipFailuresPerMinute) {
            lock(scope, pairKey(username, ip), RATE_LIMITED, lock);
        }
        if (all > accountMaxFailures) {
            long exponent = Math.min(all - accountMaxFailures - 1, 30);
            lock(scope, accountKey(username), LOCKED, min(Duration.ofSeconds(1L << exponent), lock));
        }
    }

    /** A right password from this address: its failures are forgotten (those from elsewhere are not). */
    public void succeeded(String scope, String username, String ip) {
        String k = redis.key("t", scope, "signin", "fail", hash(norm(username)), hash(ip));
        redis.delete(k);
        local.invalidate(k);
    }

    /** Forgets every failure and lock of an account (after a password reset: its owner proved himself). */
    public void reset(String scope, String username) {
        String u = hash(norm(username));
        String all = redis.key("t", scope, "signin", "afail", u);
        redis.delete(all);
        local.invalidate(all);
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM signin_locks WHERE scope = ? AND (lock_key = ? OR lock_key LIKE ?)")) {
                ps.setString(1, scope);
                ps.setString(2, "a:" + u);
                ps.setString(3, "p:" + u + ":%");
                return ps.executeUpdate();
            }
        });
    }

    /** Why a re-authentication of a signed-in user must be refused before the password is checked. */
    public Optional<Wait> reauthRefusal(String scope, String username) {
        return locked(scope, reauthKey(username), null);
    }

    public void reauthFailed(String scope, String username) {
        if (count(redis.key("t", scope, "reauth", "fail", hash(norm(username))), lock) >= maxFailures) {
            lock(scope, reauthKey(username), LOCKED, lock);
        }
    }

    public void reauthSucceeded(String scope, String username) {
        String k = redis.key("t", scope, "reauth", "fail", hash(norm(username)));
        redis.delete(k);
        local.invalidate(k);
    }

    /** Counts one use of a rate-limited action by an IP (e.g. opening setup links); true if within limit. */
    public boolean allow(String action, String ip, int perMinute) {
        return ip == null || count(redis.key("ip", action, ip), Duration.ofMinutes(1)) <= perMinute;
    }

    private Optional<Wait> locked(String scope, String key, String other) {
        return db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT reason, ceil(extract(epoch FROM locked_until - now()))::bigint FROM signin_locks"
                            + " WHERE scope = ? AND lock_key IN (?, ?) AND locked_until > now()"
                            + " ORDER BY locked_until DESC LIMIT 1")) {
                ps.setString(1, scope);
                ps.setString(2, key);
                ps.setString(3, other == null ? key : other);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Wait(rs.getString(1), Math.max(1, rs.getLong(2))))
                            : Optional.<Wait>empty();
                }
            }
        });
    }

    private void lock(String scope, String key, String reason, Duration duration) {
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO signin_locks (scope, lock_key, reason, locked_until)"
                            + " VALUES (?, ?, ?, now() + make_interval(secs => ?))"
                            + " ON CONFLICT (scope, lock_key) DO UPDATE SET reason = excluded.reason,"
                            + " locked_until = greatest(signin_locks.locked_until, excluded.locked_until)")) {
                ps.setString(1, scope);
                ps.setString(2, key);
                ps.setString(3, reason);
                ps.setDouble(4, duration.toMillis() / 1000.0);
                ps.executeUpdate();
            }
            // expired locks go with the next one made: the table holds only the last day's
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM signin_locks WHERE locked_until < now() - interval '1 day'")) {
                return ps.executeUpdate();
            }
        });
        LOG.info("event=signin_locked scope={} kind={} reason={} seconds={}", scope, key.substring(0, 1), reason,
                duration.toSeconds());
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
        return redis.key("ip", "signin-fail", ip);
    }

    private static String pairKey(String username, String ip) {
        return "p:" + hash(norm(username)) + ":" + hash(ip);
    }

    private static String accountKey(String username) {
        return "a:" + hash(norm(username));
    }

    private static String reauthKey(String username) {
        return "r:" + hash(norm(username));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String norm(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Hashed: user names and addresses do not appear in Redis or the lock table in clear. */
    private static String hash(String value) {
        String v = value == null ? "" : value;
        return HexFormat.of().formatHex(Sha256.of(v.getBytes(StandardCharsets.UTF_8)), 0, 12);
    }
}
