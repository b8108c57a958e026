package io.rollcheck.platform.security;

import io.rollcheck.platform.cache.Redis;
import io.rollcheck.platform.db.Db;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Revoked API tokens: PostgreSQL holds the list (Redis is never the only copy), Redis answers the
 * per-request question. Entries die with the token's own expiry.
 */
@Singleton
public class TokenRevocation {

    private final Db db;
    private final Redis redis;
    private final Clock clock;

    public TokenRevocation(Db db, Redis redis, Clock clock) {
        this.db = db;
        this.redis = redis;
        this.clock = clock;
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
        Duration ttl = Duration.between(clock.instant(), expiresAt);
        if (!ttl.isNegative()) {
            redis.set(key(h), "1", ttl.plusSeconds(5));
        }
    }

    public boolean isRevoked(String token) {
        byte[] h = Tokens.sha256(token);
        return redis.call(c -> c.exists(key(h))).map(n -> n > 0).orElseGet(() -> db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM revoked_tokens WHERE token_hash = ?")) {
                ps.setBytes(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }));
    }

    private String key(byte[] hash) {
        return redis.key("revoked", HexFormat.of().formatHex(hash, 0, 16));
    }
}
