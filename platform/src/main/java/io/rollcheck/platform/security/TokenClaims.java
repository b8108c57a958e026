package io.rollcheck.platform.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Date;

/**
 * What every API token must carry besides a good signature, checked with the library's own
 * validators (signature, expiry in the past): an expiry at all, a not-before that has come, an id
 * (what a logout revokes) and an issue time in milliseconds (what a password change revokes).
 * Our tokens always carry them; a token without them was not made by this service.
 */
@Singleton
public class TokenClaims implements GenericJwtClaimsValidator<HttpRequest<?>> {

    /** Clocks of the nodes may differ by this much. */
    static final long SKEW_MILLIS = 5_000;

    private final Clock clock;

    public TokenClaims(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        long now = clock.millis();
        long exp = millis(claims.get(Claims.EXPIRATION_TIME));
        long nbf = millis(claims.get(Claims.NOT_BEFORE));
        if (exp <= 0 || exp <= now || nbf <= 0 || nbf > now + SKEW_MILLIS) {
            return false;
        }
        long lifetime = exp - nbf;
        if (lifetime > (ApiAuth.TOKEN_SECONDS + 60) * 1000L) {
            return false; // longer than we ever issue
        }
        Object jti = claims.get(Claims.TOKEN_ID);
        Object ims = claims.get(ApiAuth.ISSUED_MS_CLAIM);
        return jti instanceof String s && !s.isEmpty() && ims instanceof Number n && n.longValue() > 0
                && n.longValue() <= now + SKEW_MILLIS;
    }

    private static long millis(Object v) {
        if (v instanceof Date d) {
            return d.getTime();
        }
        if (v instanceof Number n) {
            return n.longValue() * 1000L;
        }
        return -1;
    }
}
