package io.rollcheck.platform;

import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.cache.CacheEpoch;
import io.rollcheck.platform.db.Migrations;
import io.rollcheck.platform.security.Operators;
import io.rollcheck.platform.tenancy.Provisioning;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What runs before the servers accept traffic: platform migration, operator bootstrap, tenant
 * schemas brought to the newest version (in parallel, skipping those already there), and any
 * provisioning a crash left half-done.
 */
@Singleton
public class PlatformStartup {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformStartup.class);

    /** What the start did, for the console banner. */
    public record Report(Optional<String> generatedOperatorPassword, int tenantsMigrated, int provisioningResumed,
                         long millis) {
    }

    private final Migrations migrations;
    private final Operators operators;
    private final Provisioning provisioning;
    private final String operatorPassword;
    private final CacheEpoch cacheEpoch;

    public PlatformStartup(Migrations migrations, Operators operators, Provisioning provisioning, CacheEpoch cacheEpoch,
                           @Value("${rollcheck.operator-password:}") String operatorPassword) {
        this.cacheEpoch = cacheEpoch;
        this.migrations = migrations;
        this.operators = operators;
        this.provisioning = provisioning;
        this.operatorPassword = operatorPassword;
    }

    public Report run() {
        long t0 = System.nanoTime();
        migrations.migratePlatform();
        cacheEpoch.awaitTrust(java.time.Duration.ofSeconds(2)); // without Redis the caches read PostgreSQL
        Optional<String> generated = operators.bootstrap(operatorPassword);
        int migrated = provisioning.migrateOutdated();
        int resumed = provisioning.resumeUnfinished();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("event=platform_ready tenants_migrated={} provisioning_resumed={} ms={}", migrated, resumed, ms);
        return new Report(generated, migrated, resumed, ms);
    }
}
