package io.rollcheck.platform.db;

import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;

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
 */
@Singleton
public class Db {

    public static final String PLATFORM_SCHEMA = "platform";

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource pool;
    private final Map<Object, String> pathByConnection = Collections.synchronizedMap(new WeakHashMap<>());

    public Db(DataSource pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in one transaction on the platform schema. */
    public <T> T platform(Work<T> work) {
        return inSchema(PLATFORM_SCHEMA, work);
    }

    /** Runs {@code work} in one transaction on the tenant's schema. */
    public <T> T tenant(TenantContext tenant, Work<T> work) {
        return inSchema(tenant.schema(), work);
    }

    /** Runs {@code work} in one transaction on the schema of the tenant bound to this thread. */
    public <T> T currentTenant(Work<T> work) {
        return tenant(TenantContext.require(), work);
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
            s.execute("SET search_path TO " + quote(schema));
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
