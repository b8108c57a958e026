package io.rollcheck.platform.db;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many pool connections tenant work may hold: at most {@code perTenant} for one tenant, and at most
 * {@code allTenants} for all of them, so that the rest of the pool stays for the platform (operator
 * sign-in, health, token checks). Waits are fair and bounded; a thread already inside tenant work
 * (nested work on the same thread) takes no second permit, so nesting cannot deadlock on the caps.
 */
final class TenantBulkhead {

    /** Released once, by the thread that entered. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final int perTenant;
    private final Semaphore allTenants;
    private final long waitNanos;
    private final int retryAfterSeconds;
    private final ConcurrentHashMap<String, Semaphore> bySchema = new ConcurrentHashMap<>();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    TenantBulkhead(int perTenant, int allTenants, long waitMillis, int retryAfterSeconds) {
        this.perTenant = perTenant;
        this.allTenants = new Semaphore(allTenants, true);
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    Permit enter(String schema) {
        int[] d = depth.get();
        if (d[0] > 0) {
            d[0]++;
            return () -> d[0]--;
        }
        Semaphore own = bySchema.computeIfAbsent(schema, s -> new Semaphore(perTenant, true));
        long deadline = System.nanoTime() + waitNanos;
        try {
            if (!own.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new DatabaseBusy("permits", retryAfterSeconds);
            }
            boolean shared;
            try {
                shared = allTenants.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                own.release();
                throw e;
            }
            if (!shared) {
                own.release();
                throw new DatabaseBusy("pool", retryAfterSeconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseBusy("interrupted", retryAfterSeconds);
        }
        d[0] = 1;
        return () -> {
            if (--d[0] == 0) {
                allTenants.release();
                own.release();
            }
        };
    }

    /** Connections the tenant's work holds now (for tests and the operator's view). */
    int inUse(String schema) {
        Semaphore s = bySchema.get(schema);
        return s == null ? 0 : perTenant - s.availablePermits();
    }

    int perTenant() {
        return perTenant;
    }
}
