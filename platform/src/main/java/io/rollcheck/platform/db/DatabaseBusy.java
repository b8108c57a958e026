package io.rollcheck.platform.db;

import io.rollcheck.platform.validation.RetryLater;

import java.sql.SQLException;

/**
 * The database cannot take this unit of work now: its tenant already holds all the connections it may
 * hold, or a lock or statement waited past its timeout. The caller answers 503 with
 * {@code Retry-After}; other tenants are not affected.
 */
public class DatabaseBusy extends DataAccessException implements RetryLater {

    /** Why: {@code permits} (the tenant's share of the pool is in use), {@code lock} or {@code statement}. */
    private final String reason;
    private final int retryAfterSeconds;

    DatabaseBusy(String reason, int retryAfterSeconds) {
        super("database busy (" + reason + ")", null);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    DatabaseBusy(SQLException cause, String reason, int retryAfterSeconds) {
        super(cause);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String reason() {
        return reason;
    }

    @Override
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
