package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.db.Migrations;
import io.rollcheck.platform.security.Tokens;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Approval of sign-ups and the provisioning job behind it: create schema → migrate → seed → ACTIVE.
 * Each step is idempotent and the step reached is recorded in {@code platform.tenants}, so a crash at
 * any point is completed by the next run (the next approval click, or the next start), never
 * duplicated. Two nodes never provision the same tenant at once (advisory lock).
 */
@Singleton
public class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);
    private static final int LOCK_CLASS = 0x524f4c4c; // "ROLL"
    private static final Duration SETUP_LINK_TTL = Duration.ofDays(7);

    /** Steps in order; a tenant's row says which one it has completed. */
    enum Step { NEW, SCHEMA_CREATED, MIGRATED, SEEDED, DONE }

    private final Db db;
    private final Migrations migrations;
    private final TenantRegistry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final int threads;
    private volatile Consumer<Step> afterStep = s -> { };

    public Provisioning(Db db, Migrations migrations, TenantRegistry registry, AuditLog audit, Clock clock,
                        @Value("${rollcheck.migration.threads:2}") int threads) {
        this.db = db;
        this.migrations = migrations;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /** The outcome of an approval: the tenant, and the one-time setup link token for its registrar. */
    public record Approval(Tenant tenant, Optional<String> setupToken) {
    }

    /**
     * Approves a pending sign-up: creates the tenant row and provisions it. Approving an already
     * approved sign-up finishes its provisioning if needed and returns the tenant (idempotent).
     */
    public Approval approve(long signupId, String operator, String ip) {
        long tenantId = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, tenant_id, name_zh, name_en, slug, contact_name, email, phone FROM signups WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, signupId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFound("signup");
                    }
                    String status = rs.getString("status");
                    if ("APPROVED".equals(status)) {
                        return rs.getLong("tenant_id");
                    }
                    if (!"PENDING".equals(status)) {
                        throw new Conflict("signup.notPending");
                    }
                    String slug = rs.getString("slug");
                    long id;
                    try (PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO tenants (slug, name_zh, name_en, status, schema_name, contact_name, contact_email,"
                                    + " contact_phone, signup_id) VALUES (?,?,?,'PENDING',?,?,?,?,?) RETURNING id")) {
                        ins.setString(1, slug);
                        ins.setString(2, rs.getString("name_zh"));
                        ins.setString(3, rs.getString("name_en"));
                        ins.setString(4, Slug.schemaOf(slug));
                        ins.setString(5, rs.getString("contact_name"));
                        ins.setString(6, rs.getString("email"));
                        ins.setString(7, rs.getString("phone"));
                        ins.setLong(8, signupId);
                        try (ResultSet k = ins.executeQuery()) {
                            k.next();
                            id = k.getLong(1);
                        }
                    }
                    try (PreparedStatement up = c.prepareStatement(
                            "UPDATE signups SET status = 'APPROVED', tenant_id = ?, decided_by = ?, decided_at = now() WHERE id = ?")) {
                        up.setLong(1, id);
                        up.setString(2, operator);
                        up.setLong(3, signupId);
                        up.executeUpdate();
                    }
                    return id;
                }
            }
        });
        audit.platform(operator, "signup.approved", "signup:" + signupId, "tenant=" + tenantId, ip);
        Optional<String> token = provision(tenantId);
        Tenant t = registry.byIdUncached(tenantId).orElseThrow(() -> new NotFound("tenant"));
        return new Approval(t, token);
    }

    /** Rejects a pending sign-up with a reason; frees its slug and names. */
    public void reject(long signupId, String reason, String operator, String ip) {
        if (reason == null || reason.isBlank()) {
            throw io.rollcheck.platform.validation.ValidationFailed.of("reason", "reason.required");
        }
        int n = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE signups SET status = 'REJECTED', reject_reason = ?, decided_by = ?, decided_at = now()"
                            + " WHERE id = ? AND status = 'PENDING'")) {
                ps.setString(1, reason.strip());
                ps.setString(2, operator);
                ps.setLong(3, signupId);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new Conflict("signup.notPending");
        }
        audit.platform(operator, "signup.rejected", "signup:" + signupId, null, ip);
    }

    /**
     * Runs the remaining provisioning steps of a tenant. Returns the registrar's setup token when this
     * run seeded the account; empty when another node holds the tenant or seeding had happened before.
     */
    public Optional<String> provision(long tenantId) {
        return db.platform(lockConnection -> {
            try (PreparedStatement lock = lockConnection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, (int) tenantId);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return Optional.<String>empty();
                    }
                }
            }
            try {
                return runSteps(tenantId);
            } finally {
                try (PreparedStatement unlock = lockConnection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                    unlock.setInt(1, LOCK_CLASS);
                    unlock.setInt(2, (int) tenantId);
                    unlock.execute();
                }
            }
        });
    }

    private Optional<String> runSteps(long tenantId) {
        String[] row = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT slug, schema_name, provisioning_step, contact_name FROM tenants WHERE id = ?")) {
                ps.setLong(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFound("tenant");
                    }
                    return new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
                }
            }
        });
        String slug = row[0];
        String schema = Slug.schemaOf(slug);
        if (!schema.equals(row[1])) {
            throw new IllegalStateException("schema name does not match slug");
        }
        Step step = Step.valueOf(row[2]);
        Optional<String> token = Optional.empty();
        long started = System.nanoTime();
        if (step == Step.NEW) {
            db.platform(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + Db.quote(schema));
                }
                markStep(c, tenantId, Step.SCHEMA_CREATED, null);
                return null;
            });
            step = Step.SCHEMA_CREATED;
            afterStep.accept(step);
        }
        if (step == Step.SCHEMA_CREATED) {
            String version = migrations.migrateTenant(schema);
            db.platform(c -> markStep(c, tenantId, Step.MIGRATED, version));
            step = Step.MIGRATED;
            afterStep.accept(step);
        }
        if (step == Step.MIGRATED) {
            String setup = Tokens.random(32);
            TenantContext ctx = new TenantContext(tenantId, slug, schema);
            boolean created = db.tenant(ctx, c -> seed(c, row[3], setup));
            db.platform(c -> markStep(c, tenantId, Step.SEEDED, null));
            if (created) {
                token = Optional.of(setup);
            }
            step = Step.SEEDED;
            afterStep.accept(step);
        }
        if (step == Step.SEEDED) {
            db.platform(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE tenants SET status = 'ACTIVE', provisioning_step = 'DONE', updated_at = now()"
                                + " WHERE id = ? AND status = 'PENDING'")) {
                    ps.setLong(1, tenantId);
                    ps.executeUpdate();
                }
                return markStep(c, tenantId, Step.DONE, null);
            });
            registry.changed(slug);
            audit.platform("system", "tenant.provisioned", "tenant:" + slug, null, null);
            LOG.info("event=tenant_provisioned tenant={} ms={}", slug, (System.nanoTime() - started) / 1_000_000);
        }
        return token;
    }

    private static Integer markStep(Connection c, long tenantId, Step step, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tenants SET provisioning_step = ?, schema_version = coalesce(?, schema_version), updated_at = now() WHERE id = ?")) {
            ps.setString(1, step.name());
            ps.setString(2, version);
            ps.setLong(3, tenantId);
            return ps.executeUpdate();
        }
    }

    /** Default content of a new tenant schema; true when this call created the registrar account. */
    private boolean seed(Connection c, String contactName, String setupToken) throws SQLException {
        int created;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (username, display_name, roles, setup_token_hash, setup_expires_at)"
                        + " VALUES ('admin', ?, ARRAY['TENANT_ADMIN'], ?, ?) ON CONFLICT (username) DO NOTHING")) {
            ps.setString(1, contactName == null ? "admin" : contactName);
            ps.setBytes(2, Sha256.of(setupToken));
            ps.setTimestamp(3, Timestamp.from(clock.instant().plus(SETUP_LINK_TTL)));
            created = ps.executeUpdate();
        }
        return created == 1;
    }

    /** A new one-time setup link token for the registrar account (the old one stops working). */
    public String newSetupToken(TenantContext tenant, String operator, String ip) {
        String token = Tokens.random(32);
        int n = db.tenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET setup_token_hash = ?, setup_expires_at = ? WHERE username = 'admin'")) {
                ps.setBytes(1, Sha256.of(token));
                ps.setTimestamp(2, Timestamp.from(clock.instant().plus(SETUP_LINK_TTL)));
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new NotFound("tenant admin");
        }
        audit.platform(operator, "tenant.setupLinkIssued", "tenant:" + tenant.slug(), null, ip);
        return token;
    }

    /** Finishes every provisioning left half-done (e.g. by a crash); called at start. */
    public int resumeUnfinished() {
        List<Long> ids = db.platform(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM tenants WHERE provisioning_step <> 'DONE' AND status = 'PENDING' ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
        for (long id : ids) {
            try {
                provision(id);
            } catch (RuntimeException e) {
                LOG.error("event=provisioning_resume_failed tenant_id={}", id, e);
            }
        }
        return ids.size();
    }

    /**
     * Brings every provisioned tenant schema to the newest migration, {@code threads} at a time.
     * Schemas whose recorded version is already the newest are not touched (no Flyway round trips).
     */
    public int migrateOutdated() {
        String latest = migrations.latestTenantVersion();
        List<String[]> outdated = db.platform(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id::text, schema_name FROM tenants WHERE provisioning_step = 'DONE'"
                            + " AND status <> 'DELETED' AND schema_version IS DISTINCT FROM ?")) {
                ps.setString(1, latest);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                }
            }
            return out;
        });
        if (outdated.isEmpty()) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (String[] t : outdated) {
                jobs.add(pool.submit(() -> {
                    String v = migrations.migrateTenant(t[1]);
                    db.platform(c -> {
                        try (PreparedStatement ps = c.prepareStatement("UPDATE tenants SET schema_version = ? WHERE id = ?")) {
                            ps.setString(1, v);
                            ps.setLong(2, Long.parseLong(t[0]));
                            return ps.executeUpdate();
                        }
                    });
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("tenant migration failed", e);
        } finally {
            pool.shutdown();
        }
        return outdated.size();
    }

    /** Test hook: runs after each completed step (a test makes it throw to simulate a crash). */
    void afterEachStep(Consumer<Step> hook) {
        this.afterStep = hook == null ? s -> { } : hook;
    }
}
