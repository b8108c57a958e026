package io.rollcheck.platform.audit;

import io.rollcheck.platform.digest.Sha256;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Append-only audit logs (the platform's, and one per tenant schema). Each entry stores the SHA-256
 * of the previous entry's hash and its own content, so an edit anywhere breaks the chain from there
 * on. Details must never contain personal data.
 */
@Singleton
public class AuditLog {

    private final Db db;
    private final Clock clock;

    public AuditLog(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An entry in the platform log, in its own transaction. */
    public void platform(String actor, String action, String target, String detail, String ip) {
        db.platform(c -> {
            append(c, actor, action, target, detail, ip);
            return null;
        });
    }

    /** An entry in a tenant's log, in its own transaction. */
    public void tenant(TenantContext tenant, String actor, String action, String target, String detail, String ip) {
        db.tenant(tenant, c -> {
            append(c, actor, action, target, detail, ip);
            return null;
        });
    }

    /** Appends inside the caller's transaction, to the audit_log of the connection's schema. */
    public void append(Connection c, String actor, String action, String target, String detail, String ip)
            throws SQLException {
        appendBatch(c, java.util.List.of(new Draft(actor, action, target, detail, ip)));
    }

    /** One entry as the registrar's audit view shows it. */
    @io.micronaut.serde.annotation.Serdeable
    public record Entry(long id, Instant at, String actor, String action, String target, String detail, String ip) {
    }

    /** Filters of the audit view; null means any. */
    public record Filter(String action, String actor, Instant from, Instant to, int limit) {
    }

    /** Entries of a tenant's log matching the filter, newest first (at most 1,000). */
    public java.util.List<Entry> search(TenantContext tenant, Filter f) {
        return db.tenant(tenant, c -> {
            StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, target, detail, ip FROM audit_log WHERE true");
            java.util.List<Object> args = new java.util.ArrayList<>();
            if (f.action() != null && !f.action().isBlank()) {
                sql.append(" AND action LIKE ?");
                args.add(f.action().strip() + "%");
            }
            if (f.actor() != null && !f.actor().isBlank()) {
                sql.append(" AND actor = ?");
                args.add(f.actor().strip());
            }
            if (f.from() != null) {
                sql.append(" AND at >= ?");
                args.add(Timestamp.from(f.from()));
            }
            if (f.to() != null) {
                sql.append(" AND at < ?");
                args.add(Timestamp.from(f.to()));
            }
            sql.append(" ORDER BY id DESC LIMIT ?");
            args.add(Math.max(1, Math.min(f.limit(), 1000)));
            java.util.List<Entry> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** Result of a chain check: how many entries were read and the id of the first broken one, if any. */
    public record Verification(long entries, java.util.Optional<Long> firstBroken) {
    }

    /** Checks the platform log's chain. */
    public Verification verifyPlatform() {
        return db.platform(c -> {
            db.allowLongWork(c); // the whole chain
            return verify(c);
        });
    }

    /** Checks a tenant log's chain. */
    public Verification verifyTenant(TenantContext tenant) {
        return db.tenant(tenant, c -> {
            db.allowLongWork(c); // the whole chain
            return verify(c);
        });
    }

    /**
     * Walks the log of the connection's schema in id order: an entry is broken when its stored hash
     * does not match its content, or its prev_hash does not match the entry before it.
     */
    static Verification verify(Connection c) throws SQLException {
        long n = 0;
        byte[] previous = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, at, actor, action, target, detail, ip, prev_hash, hash FROM audit_log ORDER BY id")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    long id = rs.getLong(1);
                    byte[] prevStored = rs.getBytes(8);
                    byte[] stored = rs.getBytes(9);
                    byte[] expected = hash(prevStored, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7));
                    if (!java.util.Arrays.equals(prevStored, previous) || !java.util.Arrays.equals(stored, expected)) {
                        return new Verification(n, java.util.Optional.of(id));
                    }
                    previous = stored;
                }
            }
        }
        return new Verification(n, java.util.Optional.empty());
    }

    /** An entry to append in a batch. */
    public record Draft(String actor, String action, String target, String detail, String ip) {
    }

    /**
     * Appends many entries in the caller's transaction with one lock and one batch insert: the chain
     * is computed in memory from the last stored hash.
     */
    public void appendBatch(Connection c, java.util.List<Draft> drafts) throws SQLException {
        if (drafts.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit'))")) {
            lock.execute();
        }
        byte[] prev = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                prev = rs.getBytes(1);
            }
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, target, detail, ip, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
            int n = 0;
            for (Draft d : drafts) {
                byte[] hash = hash(prev, at, d.actor(), d.action(), d.target(), d.detail(), d.ip());
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, d.actor());
                ps.setString(3, d.action());
                ps.setString(4, d.target());
                ps.setString(5, d.detail());
                ps.setString(6, d.ip());
                ps.setBytes(7, prev);
                ps.setBytes(8, hash);
                ps.addBatch();
                prev = hash;
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static byte[] hash(byte[] prev, Instant at, String actor, String action, String target, String detail, String ip) {
        MessageDigest md = Sha256.digest();
        if (prev != null) {
            md.update(prev);
        }
        for (String part : new String[]{at.toString(), actor, action, target, detail, ip}) {
            byte[] b = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
            md.update((byte) (part == null ? 0 : 1));
            md.update(ByteBuffer.allocate(4).putInt(b.length).array());
            md.update(b);
        }
        return md.digest();
    }
}
