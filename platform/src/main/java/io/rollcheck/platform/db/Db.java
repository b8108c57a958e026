package io.rollcheck.platform.db;

import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Every database access goes through here: it checks out a pooled connection, points its
 * {@code search_path} at exactly one schema (the platform's or one tenant's) and runs the work in a
 * transaction. The {@code search_path} is set only when the physical connection last served another
 * schema, so a tenant's steady traffic costs no extra round trip, and a connection can never carry
 * one tenant's path into another tenant's or the platform's work.
 *
 * <p>Each tenant has a bulkhead ({@link TenantBulkhead}): it may hold only its share of the pool, and
 * all tenants together leave a reserve to the platform. Every unit of work runs under a
 * {@code statement_timeout} and a {@code lock_timeout}, set with the {@code search_path} (no extra
 * round trip); a job that needs longer asks for it inside its transaction ({@link #allowLongWork}). A
 * tenant whose table is locked therefore gets {@link DatabaseBusy} (503 with {@code Retry-After}) within
 * seconds, and the other tenants and the platform keep their connections.
 */
@Singleton
public class Db {

    public static final String PLATFORM_SCHEMA = "platform";

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * The pool's division and the timeouts. Zero for {@code tenantConnections} or {@code platformReserve}
     * means: derived from the pool size (40 % of the pool per tenant, a fifth of it, at most 4, for the
     * platform).
     */
    public record Limits(int poolSize, int tenantConnections, int platformReserve, long waitMillis,
                         long statementTimeoutMillis, long lockTimeoutMillis,
                         long jobStatementTimeoutMillis, long jobLockTimeoutMillis, int retryAfterSeconds) {

        public static Limits forPool(int poolSize) {
            return new Limits(poolSize, 0, 0, 5_000, 20_000, 5_000, 900_000, 60_000, 10);
        }

        int reserve() {
            return platformReserve > 0 ? platformReserve : Math.min(4, Math.max(1, poolSize / 5));
        }

        int allTenants() {
            return Math.max(1, poolSize - reserve());
        }

        int perTenant() {
            int share = tenantConnections > 0 ? tenantConnections : Math.max(1, poolSize * 2 / 5);
            return Math.min(share, allTenants());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    /** lock_not_available (lock_timeout) and query_canceled (statement_timeout). */
    private static final String LOCK_TIMEOUT = "55P03";
    private static final String STATEMENT_TIMEOUT = "57014";

    private final DataSource pool;
    private final Limits limits;
    private final TenantBulkhead bulkhead;
    private final String timeouts;
    private final String jobTimeouts;
    private final Map<Object, String> pathByConnection = Collections.synchronizedMap(new WeakHashMap<>());

    /** A {@code Db} with the default limits for a pool of {@code poolSize} (tools and tests). */
    public Db(DataSource pool, int poolSize) {
        this(pool, Limits.forPool(poolSize));
    }

    public Db(DataSource pool, Limits limits) {
        this.pool = pool;
        this.limits = limits;
        this.bulkhead = new TenantBulkhead(limits.perTenant(), limits.allTenants(), limits.waitMillis(),
                limits.retryAfterSeconds());
        this.timeouts = "SET statement_timeout = " + limits.statementTimeoutMillis()
                + "; SET lock_timeout = " + limits.lockTimeoutMillis();
        this.jobTimeouts = "SET LOCAL statement_timeout = " + limits.jobStatementTimeoutMillis()
                + "; SET LOCAL lock_timeout = " + limits.jobLockTimeoutMillis();
    }

    @Inject
    public Db(DataSource pool,
              @Value("${datasources.default.maximum-pool-size:20}") int poolSize,
              @Value("${rollcheck.db.tenant-connections:0}") int tenantConnections,
              @Value("${rollcheck.db.platform-reserve:0}") int platformReserve,
              @Value("${rollcheck.db.wait-ms:5000}") long waitMillis,
              @Value("${rollcheck.db.statement-timeout-ms:20000}") long statementTimeoutMillis,
              @Value("${rollcheck.db.lock-timeout-ms:5000}") long lockTimeoutMillis,
              @Value("${rollcheck.db.job-statement-timeout-ms:900000}") long jobStatementTimeoutMillis,
              @Value("${rollcheck.db.job-lock-timeout-ms:60000}") long jobLockTimeoutMillis,
              @Value("${rollcheck.db.busy-retry-after-seconds:10}") int retryAfterSeconds) {
        this(pool, new Limits(poolSize, tenantConnections, platformReserve, waitMillis, statementTimeoutMillis,
                lockTimeoutMillis, jobStatementTimeoutMillis, jobLockTimeoutMillis, retryAfterSeconds));
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Gives the current transaction the job timeouts (imports, exports, closing a campaign): a long
     * statement and a longer wait for a lock. Reverts at commit or rollback.
     */
    public void allowLongWork(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(jobTimeouts);
        }
    }

    /** Connections the tenant's work holds on this node now. */
    public int connectionsInUse(TenantContext tenant) {
        return bulkhead.inUse(tenant.schema());
    }

    /** Runs {@code work} in one transaction on the platform schema. */
    public <T> T platform(Work<T> work) {
        return inSchema(PLATFORM_SCHEMA, work);
    }

    /** Runs {@code work} in one transaction on the tenant's schema. */
    public <T> T tenant(TenantContext tenant, Work<T> work) {
        try (TenantBulkhead.Permit ignored = bulkhead.enter(tenant.schema())) {
            return inSchema(tenant.schema(), work);
        } catch (DatabaseBusy e) {
            LOG.warn("event=tenant_busy reason={}", e.reason());
            throw e;
        }
    }

    private <T> T inSchema(String schema, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            pointAt(c, schema);
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                safeRollback(c);
                throw e;
            }
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (LOCK_TIMEOUT.equals(state)) {
                throw new DatabaseBusy(e, "lock", limits.retryAfterSeconds());
            }
            if (STATEMENT_TIMEOUT.equals(state)) {
                throw new DatabaseBusy(e, "statement", limits.retryAfterSeconds());
            }
            throw new DataAccessException(e);
        }
    }

    private void pointAt(Connection c, String schema) throws SQLException {
        Object physical = c.unwrap(PGConnection.class);
        if (schema.equals(pathByConnection.get(physical))) {
            return;
        }
        // Outside a transaction (autocommit), so a later rollback cannot undo the switch.
        pathByConnection.remove(physical);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + quote(schema) + "; " + timeouts);
        }
        pathByConnection.put(physical, schema);
    }

    private static void safeRollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure matters more; the pool discards broken connections
        }
    }

    /** Quotes a schema identifier that was validated upstream. */
    public static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("refusing to quote an unchecked identifier");
        }
        return '"' + identifier + '"';
    }

    /** The connection's {@code search_path}, as PostgreSQL reports it. */
    public static String currentSearchPath(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SHOW search_path")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The raw pool, for tools (Flyway, health) that manage connections themselves. */
    public DataSource pool() {
        return pool;
    }
}
