package io.rollcheck.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;

import java.time.Instant;
import java.util.List;

/** The registrar's audit log (filtered, newest first) and the chain check; the operator's for the platform log. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    @Serdeable
    public record VerifyResult(long entries, boolean intact, @Nullable Long firstBrokenId) {
    }

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** The university's audit log, filtered, newest first. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/admin/audit{?action,actor,from,to,limit}")
    @Secured(Roles.TENANT_ADMIN)
    public List<AuditLog.Entry> list(HttpRequest<?> request, @Nullable @QueryValue String action,
                                     @Nullable @QueryValue String actor, @Nullable @QueryValue Instant from,
                                     @Nullable @QueryValue Instant to, @Nullable @QueryValue Integer limit) {
        Tenant t = Edge.tenant(request);
        return audit.search(t.context(), new AuditLog.Filter(action, actor, from, to, limit == null ? 100 : limit));
    }

    /** Checks the university audit log's hash chain; the check is audited. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/admin/audit/verify")
    @Secured(Roles.TENANT_ADMIN)
    public VerifyResult verifyTenant(HttpRequest<?> request, Authentication who) {
        Tenant t = Edge.tenant(request);
        AuditLog.Verification v = audit.verifyTenant(t.context());
        audit.tenant(t.context(), who.getName(), "audit.verified", null, v.firstBroken().isEmpty() ? "intact" : "broken",
                Edge.ip(request));
        return new VerifyResult(v.entries(), v.firstBroken().isEmpty(), v.firstBroken().orElse(null));
    }

    /** Checks the platform audit log's hash chain. */
    @ApiDoc.Operator @ApiDoc.Missing
    @Get("/platform/audit/verify")
    @Secured(Roles.PLATFORM_OPERATOR)
    public VerifyResult verifyPlatform(HttpRequest<?> request) {
        Edge.requirePlatform(request);
        AuditLog.Verification v = audit.verifyPlatform();
        return new VerifyResult(v.entries(), v.firstBroken().isEmpty(), v.firstBroken().orElse(null));
    }
}
