package io.rollcheck.platform.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.platform.web.Problem;

import java.util.List;

/**
 * {@code POST /api/auth/login}: operators on the platform host, tenant users on their tenant's
 * host. The answer never tells whether the user exists.
 */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    @Serdeable
    public record Credentials(String username, String password) {
    }

    @Serdeable
    public record TokenResponse(String accessToken, String tokenType, int expiresIn, String username,
                                List<String> roles, String tenant) {
    }

    private final Operators operators;
    private final TenantAccounts accounts;
    private final ApiAuth auth;
    private final AuditLog audit;

    public AuthController(Operators operators, TenantAccounts accounts, ApiAuth auth, AuditLog audit) {
        this.operators = operators;
        this.accounts = accounts;
        this.auth = auth;
        this.audit = audit;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> login(HttpRequest<?> request, @Body Credentials body) {
        String username = body.username() == null ? "" : body.username().strip();
        String ip = Edge.ip(request);
        HostResolution r = Edge.resolution(request);
        if (r instanceof HostResolution.Platform) {
            var ok = operators.authenticate(username, body.password());
            audit.platform(ok.isPresent() ? username : "anonymous", ok.isPresent() ? "auth.signIn" : "auth.signInFailed",
                    "operator", null, ip);
            if (ok.isEmpty()) {
                return Problem.response(HttpStatus.UNAUTHORIZED, "bad_credentials", Edge.locale(request), null);
            }
            List<String> roles = List.of(Roles.PLATFORM_OPERATOR);
            return HttpResponse.ok(new TokenResponse(auth.issue(username, roles, ApiAuth.PLATFORM), "Bearer",
                    ApiAuth.TOKEN_SECONDS, username, roles, ApiAuth.PLATFORM));
        }
        var tenant = Edge.tenant(request);
        var ok = accounts.authenticate(tenant.context(), username, body.password());
        audit.tenant(tenant.context(), ok.isPresent() ? username : "anonymous",
                ok.isPresent() ? "auth.signIn" : "auth.signInFailed", "api", null, ip);
        if (ok.isEmpty()) {
            return Problem.response(HttpStatus.UNAUTHORIZED, "bad_credentials", Edge.locale(request), null);
        }
        var a = ok.get();
        return HttpResponse.ok(new TokenResponse(auth.issue(a.username(), a.roles(), tenant.slug()), "Bearer",
                ApiAuth.TOKEN_SECONDS, a.username(), a.roles(), tenant.slug()));
    }
}
