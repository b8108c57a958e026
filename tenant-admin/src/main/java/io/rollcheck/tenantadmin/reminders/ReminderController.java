package io.rollcheck.tenantadmin.reminders;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;

import java.util.List;

/** {@code /api/admin/campaigns/{id}/reminders}: the registrar's reminder rules of a published campaign. */
@Controller("/api/admin/campaigns/{id}/reminders")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.TENANT_ADMIN)
public class ReminderController {

    private final Reminders reminders;
    private final PublishedCampaigns campaigns;

    public ReminderController(Reminders reminders, PublishedCampaigns campaigns) {
        this.reminders = reminders;
        this.campaigns = campaigns;
    }

    /** The reminder rules of a published campaign. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get
    public List<Reminders.Rule> rules(HttpRequest<?> request, long id) {
        Tenant t = Edge.tenant(request);
        campaigns.open(t.context(), id).orElseThrow(() -> new NotFound("campaign"));
        return reminders.rules(t, id).stream().filter(Reminders.Rule::enabled).toList();
    }

    /** Replaces the reminder rules of a published campaign. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Put
    public List<Reminders.Rule> replace(HttpRequest<?> request, long id, @Body List<Reminders.Rule> rules) {
        Tenant t = Edge.tenant(request);
        campaigns.open(t.context(), id).orElseThrow(() -> new NotFound("campaign"));
        return reminders.replace(t, id, rules);
    }
}
