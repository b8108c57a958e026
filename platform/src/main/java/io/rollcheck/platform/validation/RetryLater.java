package io.rollcheck.platform.validation;

/**
 * A failure that passes by itself: the caller should try again after {@link #retryAfterSeconds()}
 * (a university's busy data, for one). Edges answer 503 with {@code Retry-After} and say how long.
 */
public interface RetryLater {

    int retryAfterSeconds();

    /** The first cause in {@code t}'s chain that asks for a retry later, or null. */
    static RetryLater in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RetryLater r) {
                return r;
            }
        }
        return null;
    }
}
