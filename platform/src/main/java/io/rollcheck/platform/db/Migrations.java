package io.rollcheck.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Flyway for the platform schema ({@code db/platform}) and the tenant schemas ({@code db/tenant}).
 * Flyway switches schemas on its connections, so it gets its own small pool: the application pool's
 * connections keep a known {@code search_path}.
 */
@Singleton
public class Migrations {

    private final HikariDataSource flywayPool;
    private volatile String latestTenantVersion;

    public Migrations(@Value("${datasources.default.url}") String url,
                      @Value("${datasources.default.username:postgres}") String user,
                      @Value("${datasources.default.password:}") String password,
                      @Value("${rollcheck.migration.threads:2}") int threads) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(Math.max(2, threads * 2));
        cfg.setMinimumIdle(0);
        cfg.setIdleTimeout(10_000);
        cfg.setPoolName("flyway");
        cfg.setMaxLifetime(300_000);
        this.flywayPool = new HikariDataSource(cfg);
    }

    public void migratePlatform() {
        Flyway.configure()
                .dataSource(flywayPool)
                .schemas(Db.PLATFORM_SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/platform")
                .table("flyway_history")
                .load()
                .migrate();
    }

    /** Migrates one tenant schema (which must exist) and returns the version it is at. */
    public String migrateTenant(String schema) {
        MigrateResult r = tenantFlyway(schema).migrate();
        return r.targetSchemaVersion != null ? r.targetSchemaVersion : latestTenantVersion();
    }

    /** The newest tenant migration on the class path, e.g. {@code 202611231301}. */
    public String latestTenantVersion() {
        String v = latestTenantVersion;
        if (v == null) {
            MigrationInfo[] all = tenantFlyway("t_version_probe_x").info().all();
            v = Arrays.stream(all)
                    .filter(m -> m.getVersion() != null)
                    .max(Comparator.comparing(MigrationInfo::getVersion))
                    .map(m -> m.getVersion().getVersion())
                    .orElse("0");
            latestTenantVersion = v;
        }
        return v;
    }

    private Flyway tenantFlyway(String schema) {
        return Flyway.configure()
                .dataSource(flywayPool)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .locations("classpath:db/tenant")
                .table("flyway_history")
                .load();
    }

    @PreDestroy
    void close() {
        flywayPool.close();
    }
}
