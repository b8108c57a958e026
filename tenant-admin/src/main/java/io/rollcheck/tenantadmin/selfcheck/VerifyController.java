package io.rollcheck.tenantadmin.selfcheck;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.rollcheck.tenantadmin.campaign.FaqSearch;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;

import java.util.List;

/**
 * Public, on the university's host: a receipt code checked against this university only (a code of
 * another university is unknown here), and the FAQ search of a published campaign.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class VerifyController {

    private final Signatures signatures;
    private final PublishedCampaigns campaigns;
    private final FaqSearch faq;

    public VerifyController(Signatures signatures, PublishedCampaigns campaigns, FaqSearch faq) {
        this.signatures = signatures;
        this.campaigns = campaigns;
        this.faq = faq;
    }

    /** Checks a receipt code against this university (public). */
    @ApiDoc.Missing
    @Get("/verify/{code}")
    public Signatures.Verification verify(HttpRequest<?> request, String code) {
        Tenant t = Edge.tenant(request);
        return signatures.verify(t.context(), code).orElseThrow(() -> new NotFound("receipt"));
    }

    /** Searches the FAQ of a published campaign (public). */
    @ApiDoc.Missing
    @Get("/portal/campaigns/{campaignId}/faq{?q}")
    public List<FaqSearch.Hit> faq(HttpRequest<?> request, long campaignId, @Nullable @QueryValue String q) {
        Tenant t = Edge.tenant(request);
        var c = campaigns.open(t.context(), campaignId).orElseThrow(() -> new NotFound("campaign"));
        return faq.search(t.context(), c, q, 10);
    }
}
