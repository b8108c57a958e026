package io.rollcheck.platform.security;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rollcheck.platform.cache.Redis;
import io.rollcheck.platform.db.Db;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revoked API tokens. Two kinds of entry: one token, by its id ({@code jti} claim: a logout), and
 * every token of one user issued before a moment (a cutoff: his password changed or was reset, or
 * his account was locked). Never by the token's text: the JWT parser accepts more than one encoding
 * of the same token (padding, the spare bits of the last base64url character).
 *
 * <p>PostgreSQL holds both lists; every node mirrors their live part in memory, so that the
 * per-request question costs a map lookup, no round trip. A revocation is in the revoking node's
 * mirror before it returns, reaches the other nodes through Redis pub/sub (milliseconds), and,
 * should a message be lost, through the resync from PostgreSQL that runs every
 * {@value #RESYNC_SECONDS} seconds and after every Redis reconnection. Entries die when no token
 * they could refuse is still alive.
 */
@Singleton
public class TokenRevocation {

    static final String CHANNEL = "revoked";
    static final long RESYNC_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(TokenRevocation.class);

    private final Db db;
    private final Redis redis;
    private final Clock clock;
    /** jti → when the token itself expires. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    /** Hex SHA-256 of "tenant|username" → the cutoff in epoch milliseconds. */
    private final Map<String, Long> cutoffs = new ConcurrentHashMap<>();
    /** Until the mirror has been loaded once, nothing is answered from it (fail closed). */
    private volatile boolean loaded;

    public TokenRevocation(Db db, Redis redis, Clock clock) {
        this.db = db;
        this.redis = redis;
        this.clock = clock;
        redis.onMessage((channel, message) -> {
            if (CHANNEL.equals(channel)) {
                receive(message);
            }
        });
        redis.onReconnect(this::resync);
    }

    /** Revokes one token (logout) until it would have expired anyway. */
    public void revoke(String jti, Instant expiresAt) {
        if (jti == null || jti.isEmpty()) {
            return; // such a token is refused anyway
        }
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, jti);
                ps.setTimestamp(2, Timestamp.from(expiresAt));
                return ps.executeUpdate();
            }
        });
        revoked.put(jti, expiresAt);
        redis.publish(CHANNEL, "j|" + expiresAt.getEpochSecond() + "|" + jti);
    }

    /**
     * Revokes every token the user holds now, on every node: call when his password changes or is
     * reset, or when his account is locked. Tokens issued afterwards are good.
     *
     * @param tenant the token's {@code tenant} claim: the slug, or {@link ApiAuth#PLATFORM}
     */
    public void revokeUser(String tenant, String username) {
        String subject = subject(tenant, username);
        long cutoff = clock.millis();
        Instant expires = Instant.ofEpochMilli(cutoff).plusSeconds(ApiAuth.TOKEN_SECONDS + 60);
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO token_cutoffs (subject_hash, cutoff_at, expires_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (subject_hash) DO UPDATE SET cutoff_at = GREATEST(token_cutoffs.cutoff_at, EXCLUDED.cutoff_at),"
                            + " expires_at = GREATEST(token_cutoffs.expires_at, EXCLUDED.expires_at)")) {
                ps.setBytes(1, HexFormat.of().parseHex(subject));
                ps.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(cutoff)));
                ps.setTimestamp(3, Timestamp.from(expires));
                return ps.executeUpdate();
            }
        });
        cutoffs.merge(subject, cutoff, Math::max);
        redis.publish(CHANNEL, "u|" + cutoff + "|" + subject);
    }

    /**
     * True when the token must be refused: revoked by its id, issued before its user's cutoff, or
     * carrying no id or issue time at all.
     *
     * @param issuedAtMillis the token's issue time in milliseconds ({@link ApiAuth#ISSUED_MS_CLAIM})
     */
    public boolean refuses(String tenant, String username, String jti, long issuedAtMillis) {
        ensureLoaded();
        if (jti == null || jti.isEmpty() || issuedAtMillis <= 0) {
            return true;
        }
        if (revoked.containsKey(jti)) {
            return true;
        }
        if (cutoffs.isEmpty()) {
            return false;
        }
        Long cutoff = cutoffs.get(subject(tenant, username));
        return cutoff != null && issuedAtMillis <= cutoff;
    }

    /** True when this token id was revoked. */
    public boolean isRevoked(String jti) {
        ensureLoaded();
        return jti != null && revoked.containsKey(jti);
    }

    private void ensureLoaded() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    load();
                }
            }
        }
    }

    private void receive(String message) {
        // "j|<expires epoch s>|<jti>" or "u|<cutoff epoch ms>|<subject hash>"
        int second = message.indexOf('|', 2);
        if (message.length() < 5 || message.charAt(1) != '|' || second < 0) {
            return;
        }
        long number;
        try {
            number = Long.parseLong(message.substring(2, second));
        } catch (NumberFormatException e) {
            return;
        }
        String id = message.substring(second + 1);
        if (message.charAt(0) == 'j') {
            revoked.put(id, Instant.ofEpochSecond(number));
        } else if (message.charAt(0) == 'u') {
            cutoffs.merge(id, number, Math::max);
        }
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
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Instant> liveTokens = new HashMap<>();
        Map<String, Long> liveCutoffs = new HashMap<>();
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT jti, expires_at FROM revoked_tokens WHERE expires_at > ?")) {
                ps.setTimestamp(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        liveTokens.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT subject_hash, cutoff_at FROM token_cutoffs WHERE expires_at > ?")) {
                ps.setTimestamp(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        liveCutoffs.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getTimestamp(2).getTime());
                    }
                }
            }
            return null;
        });
        revoked.putAll(liveTokens);
        liveCutoffs.forEach((k, v) -> cutoffs.merge(k, v, Math::max));
        Instant instant = clock.instant();
        revoked.entrySet().removeIf(e -> e.getValue().isBefore(instant) && !liveTokens.containsKey(e.getKey()));
        long oldest = instant.minusSeconds(ApiAuth.TOKEN_SECONDS + 60).toEpochMilli();
        cutoffs.entrySet().removeIf(e -> e.getValue() < oldest && !liveCutoffs.containsKey(e.getKey()));
        loaded = true;
    }

    /** The stored form of a user's identity: no user name in clear in the platform schema. */
    private static String subject(String tenant, String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(Sha256.of((tenant + "|" + u).getBytes(StandardCharsets.UTF_8)));
    }
}
