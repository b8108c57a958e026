package io.rollcheck.tenantadmin.reminders;

import io.lettuce.core.SetArgs;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.rollcheck.platform.cache.Redis;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantRegistry;
import io.rollcheck.platform.tenancy.TenantStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs the reminders of every active university once a minute. Each tenant is taken under a Redis
 * lock so one instance does the work; the send log's key still guarantees once-only delivery if a
 * lock expires mid-run or Redis is down.
 */
@Singleton
@Requires(property = "rollcheck.reminders.enabled", notEquals = "false")
public class ReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);
    private static final long LOCK_MS = 50_000;

    private final TenantRegistry tenants;
    private final Reminders reminders;
    private final Redis redis;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();

    public ReminderJob(TenantRegistry tenants, Reminders reminders, Redis redis, Clock clock) {
        this.tenants = tenants;
        this.reminders = reminders;
        this.redis = redis;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${rollcheck.reminders.every:60s}", initialDelay = "${rollcheck.reminders.initial-delay:45s}")
    void everyMinute() {
        runAll(clock.instant());
    }

    /** One pass over the active tenants at {@code now}; returns how many messages this node sent. */
    public int runAll(Instant now) {
        int sent = 0;
        for (Tenant t : tenants.allUncached()) {
            if (t.status() != TenantStatus.ACTIVE) {
                continue;
            }
            String key = redis.key("lock", "reminders", Long.toString(t.id()));
            boolean locked = redis.call(c -> "OK".equals(c.set(key, node, SetArgs.Builder.nx().px(LOCK_MS)))).orElse(true);
            if (!locked) {
                continue;
            }
            MDC.put("tenant", t.slug());
            try {
                Reminders.Run r = reminders.run(t, now);
                sent += r.sent();
                if (r.sent() > 0) {
                    LOG.info("event=reminders_sent due={} sent={} skipped={}", r.due(), r.sent(), r.skipped());
                }
            } catch (RuntimeException e) {
                LOG.warn("event=reminders_failed error={}", e.getClass().getSimpleName());
            } finally {
                MDC.remove("tenant");
                redis.call(c -> node.equals(c.get(key)) ? c.del(key) : 0L);
            }
        }
        return sent;
    }
}
