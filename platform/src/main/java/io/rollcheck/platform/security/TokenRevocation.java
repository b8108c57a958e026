package io.rollcheck.platform.security;

import io.micronaut.scheduling.annotation.Scheduled;
import io.rollcheck.platform.cache.Redis;
import io.rollcheck.platform.db.Db;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revoked API tokens. PostgreSQL holds the list; every node mirrors the live part of it in memory,
 * so that the per-request question costs a hash and a map lookup, no round trip. A revocation is
 * in the revoking node's mirror before {@link #revoke} returns, reaches the other nodes through
 * Redis pub/sub (milliseconds), and, should a message be lost, through the resync from PostgreSQL
 * that runs every {@value #RESYNC_SECONDS} seconds and after every Redis reconnection. Entries die
 * with the token's own expiry.
 */
@Singleton
public class TokenRevocation {

    static final String CHANNEL = "revoked";
    static final long RESYNC_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(TokenRevocation.class);

    private final Db db;
    private final Redis redis;
    private final Clock clock;
    /** Hex SHA-256 of the token → when the token itself expires. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    /** Until the mirror has been loaded once, nothing is answered from it (fail closed). */
    private volatile boolean loaded;

    public TokenRevocation(Db db, Redis redis, Clock clock) {
        this.db = db;
        this.redis = redis;
        this.clock = clock;
        redis.onMessage((channel, message) -> {
            if (CHANNEL.equals(channel)) {
                int bar = message.indexOf('|');
                if (bar > 0) {
                    revoked.put(message.substring(0, bar), Instant.ofEpochSecond(Long.parseLong(message.substring(bar + 1))));
                }
            }
        });
        redis.onReconnect(this::resync);
    }

    public void revoke(String token, Instant expiresAt) {
        byte[] h = Tokens.sha256(token);
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO revoked_tokens (token_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setBytes(1, h);
                ps.setTimestamp(2, Timestamp.from(expiresAt));
                return ps.executeUpdate();
            }
        });
        String hex = HexFormat.of().formatHex(h);
        revoked.put(hex, expiresAt);
        redis.publish(CHANNEL, hex + "|" + expiresAt.getEpochSecond());
    }

    public boolean isRevoked(String token) {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    load();
                }
            }
        }
        return revoked.containsKey(HexFormat.of().formatHex(Tokens.sha256(token)));
    }

    /** Reloads the live revocations from PostgreSQL and forgets the expired ones. */
    @Scheduled(fixedDelay = RESYNC_SECONDS + "s", initialDelay = RESYNC_SECONDS + "s")
    void resync() {
        try {
            load();
        } catch (RuntimeException e) {
            // the mirror keeps what it has; the next resync tries again
            LOG.warn("event=revocation_resync_failed error={}", e.getClass().getSimpleName());
        }
    }

    private void load() {
        Map<String, Instant> live = db.platform(c -> {
            Map<String, Instant> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT token_hash, expires_at FROM revoked_tokens WHERE expires_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getTimestamp(2).toInstant());
                    }
                }
            }
            return out;
        });
        revoked.putAll(live);
        Instant now = clock.instant();
        revoked.entrySet().removeIf(e -> e.getValue().isBefore(now) && !live.containsKey(e.getKey()));
        loaded = true;
    }
}
