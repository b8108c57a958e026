package io.rollcheck.platform.security;

/**
 * Refused before the password was checked: the account is locked ({@link LoginGuard#LOCKED}) or
 * slowed down ({@link LoginGuard#RATE_LIMITED}) for {@code retryAfterSeconds} more seconds. The API
 * answers it as problem+json (423 or 429) with a {@code Retry-After} header.
 */
public class TooManyAttempts extends RuntimeException {

    private final String code;
    private final long retryAfterSeconds;

    public TooManyAttempts(String code, long retryAfterSeconds) {
        super(code);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
