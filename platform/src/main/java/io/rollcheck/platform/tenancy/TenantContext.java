package io.rollcheck.platform.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant a unit of work runs for. Bound once at an edge (API filter, Jetty filter, job runner)
 * and passed or read below it; nothing below the edge parses a host or a slug.
 *
 * <p>The schema name is derived from a validated slug only ({@link Slug#schemaOf(String)}), so it
 * is safe to quote into SQL as an identifier.
 */
public record TenantContext(long tenantId, String slug, String schema) {

    private static final ThreadLocal<TenantContext> CURRENT = new ThreadLocal<>();

    public TenantContext {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(schema, "schema");
        if (!Slug.isSchemaName(schema)) {
            throw new IllegalArgumentException("not a tenant schema name");
        }
    }

    /** The tenant bound to this thread, if any. */
    public static Optional<TenantContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The tenant bound to this thread; fails if none is bound (a programming error, not user input). */
    public static TenantContext require() {
        TenantContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no tenant bound to this thread");
        }
        return c;
    }

    /** Runs {@code work} with this tenant bound to the thread, restoring what was bound before. */
    public <T> T call(Supplier<T> work) {
        TenantContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs {@code work} with this tenant bound to the thread. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Binds this tenant until the returned scope is closed (for edges that cannot wrap a lambda). */
    public Scope bind() {
        TenantContext previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** A binding that ends when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
