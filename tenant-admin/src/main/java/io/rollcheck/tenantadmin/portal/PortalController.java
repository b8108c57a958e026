package io.rollcheck.tenantadmin.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Branding;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;

import java.util.List;
import java.util.Map;

/** A tenant's public portal data ({@code GET /api/portal}) and its news items. */
@Controller("/api/portal")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PortalController {

    @Serdeable
    public record Portal(String slug, String name, String nameZh, String nameEn, Branding branding,
                         List<PortalNotice> notices) {
    }

    @Serdeable
    public record NewNotice(String title, String body) {
    }

    private final PortalService portal;

    public PortalController(PortalService portal) {
        this.portal = portal;
    }

    /** The university's portal: names, branding and notices (public). */
    @ApiDoc.Missing
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Portal get(HttpRequest<?> request) {
        Tenant t = Edge.tenant(request);
        return new Portal(t.slug(), t.name(Edge.locale(request)), t.nameZh(), t.nameEn(), t.branding(),
                portal.notices(t.context()));
    }

    /** One portal notice (public). */
    @ApiDoc.Missing
    @Get("/notices/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public PortalNotice notice(HttpRequest<?> request, long id) {
        return portal.notice(Edge.tenant(request).context(), id);
    }

    /** Posts a portal notice. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/notices")
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<Map<String, Long>> post(HttpRequest<?> request, @Body NewNotice body, Authentication who) {
        long id = portal.post(Edge.tenant(request).context(), body.title(), body.body(), who.getName());
        return HttpResponse.created(Map.of("id", id));
    }
}
