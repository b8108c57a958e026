package io.rollcheck.tenantadmin.campaign;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Published campaigns on the portal: the list, and the attachments of a published notice. */
@Controller("/api/portal/campaigns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class PortalCampaignController {

    private final PublishedCampaigns campaigns;

    public PortalCampaignController(PublishedCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** The campaigns published on this university's portal. */
    @ApiDoc.Missing
    @Get
    public List<PublishedCampaign> open(HttpRequest<?> request) {
        return campaigns.open(Edge.tenant(request).context());
    }

    /** Only files the published version of that campaign lists are served. */
    @ApiDoc.Missing
    @Get("/{campaignId}/attachments/{blobId}")
    public HttpResponse<byte[]> attachment(HttpRequest<?> request, long campaignId, long blobId) {
        Tenant t = Edge.tenant(request);
        var b = campaigns.attachment(t.context(), campaignId, blobId).orElseThrow(() -> new NotFound("attachment"));
        String name = URLEncoder.encode(b.info().fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(b.bytes()).contentType(b.info().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                .header("Cache-Control", "private, max-age=300");
    }
}
