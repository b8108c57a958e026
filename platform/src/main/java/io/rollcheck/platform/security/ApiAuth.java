package io.rollcheck.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.token.generator.TokenGenerator;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.web.ApiTenantFilter;
import io.rollcheck.platform.web.Edge;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens for the API. Every token carries the tenant it was issued on ({@code tenant} claim:
 * a slug, or {@code @platform}); {@link TenantBinding} refuses it on any other host and audits it.
 */
@Singleton
public class ApiAuth {

    public static final String TENANT_CLAIM = "tenant";
    public static final String PLATFORM = "@platform";
    public static final int TOKEN_SECONDS = 8 * 3600;

    public static final String USER_ID_CLAIM = "uid";
    public static final String STUDENT_ID_CLAIM = "sid";
    /** The token's id, what a logout revokes. */
    public static final String TOKEN_ID_CLAIM = "jti";
    /** When the token was issued, in milliseconds: compared with a user's revocation cutoff. */
    public static final String ISSUED_MS_CLAIM = "ims";

    private final TokenGenerator tokens;
    private final Clock clock;

    public ApiAuth(TokenGenerator tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public String issue(Principal p) {
        Map<String, Object> claims = identity(p.tenant());
        claims.put(USER_ID_CLAIM, p.userId());
        if (p.studentId() != null) {
            claims.put(STUDENT_ID_CLAIM, p.studentId());
        }
        Authentication a = Authentication.build(p.username(), p.roles(), claims);
        return tokens.generateToken(a, TOKEN_SECONDS).orElseThrow(() -> new IllegalStateException("no token"));
    }

    /** The principal behind a validated token. */
    public static Principal principal(Authentication a) {
        Object uid = a.getAttributes().get(USER_ID_CLAIM);
        Object sid = a.getAttributes().get(STUDENT_ID_CLAIM);
        return new Principal((String) a.getAttributes().get(TENANT_CLAIM),
                uid instanceof Number n ? n.longValue() : 0L, a.getName(), a.getName(), roles(a),
                sid instanceof Number s ? s.longValue() : null);
    }

    public String issue(String username, List<String> roles, String tenantLabel) {
        Authentication a = Authentication.build(username, roles, identity(tenantLabel));
        return tokens.generateToken(a, TOKEN_SECONDS).orElseThrow(() -> new IllegalStateException("no token"));
    }

    /** The claims every token carries: its tenant, a random id and its issue time in milliseconds. */
    private Map<String, Object> identity(String tenantLabel) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(TENANT_CLAIM, tenantLabel);
        claims.put(TOKEN_ID_CLAIM, Tokens.random(18));
        claims.put(ISSUED_MS_CLAIM, clock.millis());
        return claims;
    }

    /** The id of a validated token; null when it has none. */
    public static String tokenId(Authentication a) {
        Object jti = a.getAttributes().get(TOKEN_ID_CLAIM);
        return jti instanceof String s ? s : null;
    }

    /** The issue time of a validated token in milliseconds; 0 when it has none. */
    public static long issuedAtMillis(Authentication a) {
        Object ims = a.getAttributes().get(ISSUED_MS_CLAIM);
        return ims instanceof Number n ? n.longValue() : 0L;
    }

    /** Refuses a token on a host other than the one it was issued on; runs before role checks. */
    @Singleton
    public static class TenantBinding implements SecurityRule<HttpRequest<?>> {

        private final AuditLog audit;
        private final TokenRevocation revocation;

        public TenantBinding(AuditLog audit, TokenRevocation revocation) {
            this.audit = audit;
            this.revocation = revocation;
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }

        @Override
        public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
            if (request == null || authentication == null) {
                return Mono.just(SecurityRuleResult.UNKNOWN);
            }
            HostResolution r = Edge.resolution(request);
            String here = ApiTenantFilter.label(r);
            Object claim = authentication.getAttributes().get(TENANT_CLAIM);
            if (here.equals(claim)) {
                if (revocation.refuses(here, authentication.getName(), tokenId(authentication),
                        issuedAtMillis(authentication))) {
                    return Mono.just(SecurityRuleResult.REJECTED);
                }
                return Mono.just(SecurityRuleResult.UNKNOWN);
            }
            String ip = Edge.ip(request);
            String who = authentication.getName() + "@" + claim;
            // On the platform's log, never the target tenant's: a tenant must not learn other
            // tenants' user names.
            return Mono.fromCallable(() -> {
                audit.platform(who, "security.crossTenantRefused", request.getPath(), "host=" + here, ip);
                return SecurityRuleResult.REJECTED;
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }

    /** The bearer token of a request, if any. */
    public static String bearer(HttpRequest<?> request) {
        String h = request.getHeaders().getAuthorization().orElse(null);
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
    }

    /** Roles of an authentication as a list. */
    public static List<String> roles(Authentication a) {
        Collection<String> r = a.getRoles();
        return r == null ? List.of() : List.copyOf(r);
    }
}
