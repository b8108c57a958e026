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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.platform.web.Problem;
import io.rollcheck.platform.web.ApiDoc;

import java.time.Instant;
import java.util.List;

/**
 * Sign-in for the API: {@code POST /api/auth/login} (operators on the platform host, tenant users
 * on their tenant's host), {@code POST /api/auth/password} (change, including the forced change
 * after a first sign-in), {@code POST /api/auth/logout} (revokes the token).
 */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    @Serdeable
    public record Credentials(String username, String password, @io.micronaut.core.annotation.Nullable String totp) {
    }

    @Serdeable
    public record Code(String code) {
    }

    @Serdeable
    public record ResetRequest(String username) {
    }

    @Serdeable
    public record ResetCompletion(String token, String newPassword) {
    }

    @Serdeable
    public record PasswordChange(String username, String currentPassword, String newPassword,
                                 @io.micronaut.core.annotation.Nullable String totp) {
    }

    @Serdeable
    public record TokenResponse(String accessToken, String tokenType, int expiresIn, String username,
                                List<String> roles, String tenant) {
    }

    private final SignIn signIn;
    private final SecondFactor secondFactor;
    private final PasswordReset reset;
    private final ApiAuth auth;
    private final TokenRevocation revocation;
    private final AuditLog audit;

    public AuthController(SignIn signIn, SecondFactor secondFactor, PasswordReset reset, ApiAuth auth,
                          TokenRevocation revocation, AuditLog audit) {
        this.signIn = signIn;
        this.reset = reset;
        this.secondFactor = secondFactor;
        this.auth = auth;
        this.revocation = revocation;
        this.audit = audit;
    }

    /** Signs in and issues a bearer token for this host. */
    @ApiDoc.Invalid
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> login(HttpRequest<?> request, @Body Credentials body) {
        String ip = Edge.ip(request);
        SignIn.Outcome o;
        if (Edge.resolution(request) instanceof HostResolution.Platform) {
            o = signIn.operator(body.username(), body.password(), body.totp(), ip);
        } else {
            o = signIn.tenantUser(Edge.tenant(request).context(), body.username(), body.password(), body.totp(), ip);
        }
        return respond(request, o);
    }

    /** Changes a password (also the forced change after a first sign-in). */
    @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/password")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> changePassword(HttpRequest<?> request, @Body PasswordChange body) {
        Tenant t = Edge.tenant(request);
        return respond(request, signIn.changePassword(t.context(), body.username(), body.currentPassword(),
                body.newPassword(), body.totp(), Edge.ip(request)));
    }

    /** Signs out: revokes this token. */
    @ApiDoc.SignedIn
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> logout(HttpRequest<?> request, Authentication who) {
        Object exp = who.getAttributes().get("exp");
        Instant expires = exp instanceof Number n ? Instant.ofEpochSecond(n.longValue())
                : exp instanceof java.util.Date d ? d.toInstant() : Instant.now().plusSeconds(ApiAuth.TOKEN_SECONDS);
        revocation.revoke(ApiAuth.tokenId(who), expires);
        if (Edge.resolution(request) instanceof HostResolution.Serving s) {
            audit.tenant(s.tenant().context(), who.getName(), "auth.signOut", "api", null, Edge.ip(request));
        } else {
            audit.platform(who.getName(), "auth.signOut", "api", null, Edge.ip(request));
        }
        return HttpResponse.noContent();
    }

    /** Sends a reset link when the account exists and has an address; the answer is the same either way. */
    @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/reset-request")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> requestReset(HttpRequest<?> request, @Body ResetRequest body) {
        boolean ok = reset.request(Edge.tenant(request), body.username(), Edge.locale(request), Edge.ip(request));
        return ok ? HttpResponse.accepted()
                : Problem.response(HttpStatus.TOO_MANY_REQUESTS, LoginGuard.RATE_LIMITED, Edge.locale(request), null);
    }

    /** Sets a new password with a reset token. */
    @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> completeReset(HttpRequest<?> request, @Body ResetCompletion body) {
        reset.complete(Edge.tenant(request), body.token(), body.newPassword(), Edge.ip(request));
        return HttpResponse.noContent();
    }

    /** Starts TOTP enrolment for the signed-in user (operator or tenant user). */
    @ApiDoc.SignedIn
    @Post("/totp")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public SecondFactor.Enrollment beginTotp(HttpRequest<?> request, Authentication who) {
        if (Edge.resolution(request) instanceof HostResolution.Platform) {
            return secondFactor.beginOperator(who.getName());
        }
        return secondFactor.begin(Edge.tenant(request).context(), ApiAuth.principal(who));
    }

    /** Turns the second factor on once a code from the app matches. */
    @ApiDoc.SignedIn @ApiDoc.Invalid
    @Post("/totp/confirm")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> confirmTotp(HttpRequest<?> request, @Body Code body, Authentication who) {
        if (Edge.resolution(request) instanceof HostResolution.Platform) {
            secondFactor.confirmOperator(who.getName(), body.code());
        } else {
            secondFactor.confirm(Edge.tenant(request).context(), ApiAuth.principal(who), body.code());
        }
        return HttpResponse.noContent();
    }

    private HttpResponse<?> respond(HttpRequest<?> request, SignIn.Outcome o) {
        if (o instanceof SignIn.Signed s) {
            Principal p = s.principal();
            return HttpResponse.ok(new TokenResponse(auth.issue(p), "Bearer",
                    ApiAuth.TOKEN_SECONDS, p.username(), p.roles(), p.tenant()));
        }
        if (o instanceof SignIn.MustChangePassword) {
            return Problem.response(HttpStatus.FORBIDDEN, "password_change_required", Edge.locale(request), null);
        }
        SignIn.Refused refused = (SignIn.Refused) o;
        String code = refused.code();
        HttpStatus status = switch (code) {
            case LoginGuard.LOCKED -> HttpStatus.LOCKED;
            case LoginGuard.RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.UNAUTHORIZED; // bad_credentials and totp_required
        };
        if (refused.retryAfterSeconds() > 0) {
            return Problem.retryLater(status, code, Edge.locale(request), refused.retryAfterSeconds());
        }
        return Problem.response(status, code, Edge.locale(request), null);
    }
}
