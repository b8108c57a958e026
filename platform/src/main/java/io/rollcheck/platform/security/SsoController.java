package io.rollcheck.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.platform.web.Problem;
import io.rollcheck.platform.web.ApiDoc;

import java.net.URI;

/** OpenID Connect sign-in through the API, and the registrar's sign-in settings (SSO, students' initial secret). */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SsoController {

    @Serdeable
    public record SsoSettings(String issuer, String clientId, String clientSecret, @Nullable String usernameClaim,
                              @Nullable Boolean enabled) {
    }

    @Serdeable
    public record SecretMode(String mode) {
    }

    private final Sso sso;
    private final ApiAuth auth;
    private final InitialSecret initialSecret;

    public SsoController(Sso sso, ApiAuth auth, InitialSecret initialSecret) {
        this.sso = sso;
        this.auth = auth;
        this.initialSecret = initialSecret;
    }

    /** The students' initial secret: {@code ID_LAST6} or {@code BIRTH_DATE}. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Put("/admin/settings/initial-secret")
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<?> initialSecret(HttpRequest<?> request, @Body SecretMode body, Authentication who) {
        initialSecret.set(Edge.tenant(request).context(), who.getName(), body.mode());
        return HttpResponse.noContent();
    }

    /** Which initial secret students sign in with first (public). */
    @ApiDoc.Missing
    @Get("/auth/initial-secret")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public java.util.Map<String, String> initialSecretMode(HttpRequest<?> request) {
        return java.util.Map.of("mode", initialSecret.mode(Edge.tenant(request).context()).name());
    }

    /** Sets the university's single sign-on provider. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Put("/admin/sso")
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<?> configure(HttpRequest<?> request, @Body SsoSettings body, Authentication who) {
        Tenant t = Edge.tenant(request);
        sso.configure(t.context(), new Sso.Config(body.issuer(), body.clientId(), body.clientSecret(),
                body.usernameClaim(), body.enabled() == null || body.enabled()), who.getName());
        return HttpResponse.noContent();
    }

    /** Redirects to the university's provider; {@code redirectUri} must point back at this tenant's host. */
    @ApiDoc.Missing
    @Get("/auth/sso/start{?redirectUri}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> start(HttpRequest<?> request, @QueryValue String redirectUri) {
        Tenant t = Edge.tenant(request);
        URI r = URI.create(redirectUri);
        String hostHeader = request.getHeaders().get("Host");
        String host = hostHeader == null ? "" : hostHeader.replaceFirst(":\\d+$", "");
        if (!host.equalsIgnoreCase(r.getHost()) || r.getPath() == null
                || !(r.getPath().equals("/api/auth/sso/callback") || r.getPath().equals("/sso/callback"))) {
            throw ValidationFailed.of("redirectUri", "sso.redirect");
        }
        return HttpResponse.seeOther(sso.start(t.context(), redirectUri));
    }

    /** Completes single sign-on and issues a token. */
    @ApiDoc.Missing
    @Get("/auth/sso/callback{?code,state}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> callback(HttpRequest<?> request, @Nullable @QueryValue String code,
                                    @Nullable @QueryValue String state) {
        Tenant t = Edge.tenant(request);
        return sso.complete(t.context(), state, code, Edge.ip(request))
                .<HttpResponse<?>>map(p -> HttpResponse.ok(new AuthController.TokenResponse(auth.issue(p), "Bearer",
                        ApiAuth.TOKEN_SECONDS, p.username(), p.roles(), p.tenant())))
                .orElseGet(() -> Problem.response(HttpStatus.UNAUTHORIZED, "sso_failed", Edge.locale(request), null));
    }
}
