package io.rollcheck.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.platform.web.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;
import java.util.Map;

/** The platform site's API: public sign-up, and the operator's sign-up and tenant management. */
@Controller("/api/platform")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlatformController {

    @Serdeable
    public record Reason(@Nullable String reason) {
    }

    @Serdeable
    public record Created(long id) {
    }

    @Serdeable
    public record ApprovalResult(Tenant tenant, String portalUrl, @Nullable String setupLink) {
    }

    @Serdeable
    public record TenantView(Tenant tenant, String portalUrl) {
    }

    private final SignupService signups;
    private final Provisioning provisioning;
    private final TenantOperations operations;
    private final TenantRegistry registry;
    private final PublicUrls urls;

    public PlatformController(SignupService signups, Provisioning provisioning, TenantOperations operations,
                              TenantRegistry registry, PublicUrls urls) {
        this.signups = signups;
        this.provisioning = provisioning;
        this.operations = operations;
        this.registry = registry;
        this.urls = urls;
    }

    /** Submits a university's sign-up (public, platform host). */
    @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/signups")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<Created> signUp(HttpRequest<?> request, @Body SignupRequest body) {
        Edge.requirePlatform(request);
        return HttpResponse.created(new Created(signups.submit(body, Edge.ip(request))));
    }

    /** Lists sign-ups, optionally by status. */
    @ApiDoc.Operator @ApiDoc.Missing
    @Get("/signups{?status}")
    @Secured(Roles.PLATFORM_OPERATOR)
    public List<Signup> listSignups(HttpRequest<?> request, @Nullable @QueryValue String status) {
        Edge.requirePlatform(request);
        return signups.list(status);
    }

    /** Approves a sign-up: creates the university and its setup link. */
    @ApiDoc.Operator @ApiDoc.Missing
    @ApiResponse(responseCode = "409", description = "`signup.notPending`: already decided",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Post("/signups/{id}/approve")
    @Secured(Roles.PLATFORM_OPERATOR)
    public ApprovalResult approve(HttpRequest<?> request, long id, Authentication who) {
        Edge.requirePlatform(request);
        Provisioning.Approval a = provisioning.approve(id, who.getName(), Edge.ip(request));
        return new ApprovalResult(a.tenant(), urls.portal(a.tenant().slug()),
                a.setupToken().map(t -> urls.setupLink(a.tenant().slug(), t)).orElse(null));
    }

    /** Rejects a sign-up with a reason. */
    @ApiDoc.Operator @ApiDoc.Missing @ApiDoc.Invalid
    @ApiResponse(responseCode = "409", description = "`signup.notPending`: already decided",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Post("/signups/{id}/reject")
    @Secured(Roles.PLATFORM_OPERATOR)
    public Map<String, String> reject(HttpRequest<?> request, long id, @Body Reason body, Authentication who) {
        Edge.requirePlatform(request);
        provisioning.reject(id, body.reason(), who.getName(), Edge.ip(request));
        return Map.of("status", "REJECTED");
    }

    /** Lists every university with its portal address. */
    @ApiDoc.Operator @ApiDoc.Missing
    @Get("/tenants")
    @Secured(Roles.PLATFORM_OPERATOR)
    public List<TenantView> tenants(HttpRequest<?> request) {
        Edge.requirePlatform(request);
        return registry.allUncached().stream().map(t -> new TenantView(t, urls.portal(t.slug()))).toList();
    }

    /** Suspends a university: its portal and API answer 403. */
    @ApiDoc.Operator @ApiDoc.Missing @ApiDoc.Invalid
    @ApiResponse(responseCode = "409", description = "`tenant.wrongStatus`: the university is not active",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Post("/tenants/{slug}/suspend")
    @Secured(Roles.PLATFORM_OPERATOR)
    public Map<String, String> suspend(HttpRequest<?> request, String slug, @Nullable @Body Reason body,
                                       Authentication who) {
        Edge.requirePlatform(request);
        operations.suspend(slug, body == null ? null : body.reason(), who.getName(), Edge.ip(request));
        return Map.of("status", "SUSPENDED");
    }

    /** Resumes a suspended university. */
    @ApiDoc.Operator @ApiDoc.Missing
    @ApiResponse(responseCode = "409", description = "`tenant.wrongStatus`: the university is not suspended",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Post("/tenants/{slug}/resume")
    @Secured(Roles.PLATFORM_OPERATOR)
    public Map<String, String> resume(HttpRequest<?> request, String slug, Authentication who) {
        Edge.requirePlatform(request);
        operations.resume(slug, who.getName(), Edge.ip(request));
        return Map.of("status", "ACTIVE");
    }

    /** Issues a new one-time setup link for a university's registrar. */
    @ApiDoc.Operator @ApiDoc.Missing
    @Post("/tenants/{slug}/setup-link")
    @Secured(Roles.PLATFORM_OPERATOR)
    public Map<String, String> setupLink(HttpRequest<?> request, String slug, Authentication who) {
        Edge.requirePlatform(request);
        Tenant t = registry.bySlug(slug).orElseThrow(() -> new io.rollcheck.platform.validation.NotFound("tenant"));
        String token = provisioning.newSetupToken(t.context(), who.getName(), Edge.ip(request));
        return Map.of("setupLink", urls.setupLink(slug, token));
    }
}
