package io.rollcheck.platform.cache;

import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.db.Db;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The deployment's cache epoch, kept in PostgreSQL ({@code platform.cache_epoch}) and part of every
 * cache key. It answers one question for the caches: may this node trust what Redis and its own
 * memory hold?
 *
 * <ul>
 *   <li>A node that could not deliver an invalidation (Redis away, a partition) raises the epoch
 *       ({@link #invalidationLost}, at most once a second). Everything cached under the old epoch,
 *       including what a Redis brings back from disk or a replica, is never read again.</li>
 *   <li>A node trusts its caches only while it holds the epoch and Redis has not failed a command
 *       or dropped a connection since it read it ({@link #trusted}). Otherwise the caches read the
 *       source (PostgreSQL) until the node has read the epoch again after Redis came back.</li>
 *   <li>Nodes learn a new epoch from a message on Redis, on every reconnection, and by reading
 *       PostgreSQL every {@code rollcheck.cache.epoch-poll-ms} (10 s): a node cut off from Redis
 *       while another wrote is caught by that read.</li>
 * </ul>
 */
@Singleton
public class CacheEpoch {

    static final String CHANNEL = "epoch";
    private static final Logger LOG = LoggerFactory.getLogger(CacheEpoch.class);

    private final Db db;
    private final Redis redis;
    private final long pollMillis;
    private final List<Runnable> changeHooks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean bumpPending = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cache-epoch");
        t.setDaemon(true);
        return t;
    });
    private volatile long epoch = -1;
    /** {@link Redis#disruptions()} when the epoch was last read with Redis up; -1 before. */
    private volatile long syncedAt = -1;
    private volatile long lastBump;
    private volatile long lastRead;
    private volatile long lastFailureLog;
    /** Set by the first {@link #awaitTrust}, once the platform schema is migrated; nothing is read before. */
    private volatile boolean started;

    public CacheEpoch(Db db, Redis redis, @Value("${rollcheck.cache.epoch-poll-ms:10000}") long pollMillis) {
        this.db = db;
        this.redis = redis;
        this.pollMillis = pollMillis;
        redis.onMessage((channel, message) -> {
            if (CHANNEL.equals(channel)) {
                try {
                    observe(Long.parseLong(message));
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        });
        redis.onReconnect(() -> timer.execute(this::sync));
    }

    /** The epoch to put in cache keys. Only meaningful while {@link #trusted()}. */
    public long current() {
        return epoch;
    }

    /**
     * True when the caches may be used: the epoch is known, this node is subscribed, and no Redis
     * command failed and no connection changed since the epoch was read.
     */
    public boolean trusted() {
        return syncedAt >= 0 && syncedAt == redis.disruptions() && redis.subscribed();
    }

    /** Runs when the epoch changes on this node (the caches drop what they hold). */
    void onChange(Runnable hook) {
        changeHooks.add(hook);
    }

    /** An invalidation could not be delivered: raise the epoch (coalesced, at most once a second). */
    public void invalidationLost() {
        if (bumpPending.compareAndSet(false, true)) {
            long wait = Math.max(0, lastBump + 1000 - System.currentTimeMillis());
            timer.schedule(this::bump, wait, TimeUnit.MILLISECONDS);
        }
    }

    /** Reads the epoch until this node trusts its caches, or {@code patience} runs out (Redis away). */
    public boolean awaitTrust(Duration patience) {
        synchronized (this) {
            if (!started) {
                started = true;
                timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
            }
        }
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            sync();
            if (trusted()) {
                return true;
            }
            if (System.nanoTime() > until) {
                LOG.warn("event=cache_untrusted reason=redis_unavailable fallback=database");
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void tick() {
        if (!trusted()) {
            sync();
        } else if (System.currentTimeMillis() - lastRead >= pollMillis) {
            try {
                observe(read());
            } catch (RuntimeException e) {
                failed("poll", e);
            }
        }
    }

    /** Reads the epoch with Redis up; after it, the node trusts its caches if nothing happened meanwhile. */
    synchronized void sync() {
        if (!started || bumpPending.get() || !redis.ping() || !redis.subscribed()) {
            return; // a raise is owed, or Redis is still away: keep reading the source
        }
        long d = redis.disruptions();
        try {
            long e = read();
            // messages may have been missed: drop what this node holds, whether or not the epoch moved
            epoch = Math.max(epoch, e);
            changeHooks.forEach(Runnable::run);
            syncedAt = d;
        } catch (RuntimeException ex) {
            failed("sync", ex);
        }
    }

    private void bump() {
        bumpPending.set(false);
        lastBump = System.currentTimeMillis();
        try {
            long e = db.platform(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE cache_epoch SET epoch = epoch + 1 WHERE id = 1 RETURNING epoch");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            LOG.warn("event=cache_epoch_raised epoch={} reason=invalidation_lost", e);
            observe(e);
            redis.publish(CHANNEL, Long.toString(e));
        } catch (RuntimeException ex) {
            failed("raise", ex);
            invalidationLost(); // owed until PostgreSQL takes it
        }
    }

    private void observe(long e) {
        if (e > epoch) {
            epoch = e;
            changeHooks.forEach(Runnable::run);
        }
    }

    private long read() {
        long e = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT epoch FROM cache_epoch WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("platform.cache_epoch has no row");
                }
                return rs.getLong(1);
            }
        });
        lastRead = System.currentTimeMillis();
        return e;
    }

    private void failed(String what, RuntimeException e) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog > 60_000) {
            lastFailureLog = now;
            LOG.warn("event=cache_epoch_failed step={} cause={}", what, e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
