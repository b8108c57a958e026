package io.rollcheck.webui.signoff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.tenantadmin.reminders.Reminders;
import io.rollcheck.tenantadmin.signoff.CampaignExport;
import io.rollcheck.tenantadmin.signoff.CampaignProgress;
import io.rollcheck.tenantadmin.signoff.SignOffs;
import io.rollcheck.webui.admin.AdminNav;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/cockpit}: the registrar's view of the open campaign — totals, completion (核查率) by
 * college, class and level, the daily trend and reports by field as charts, overdue classes and
 * colleges, the report queue (resolve, reject), the export, closing and archive, and the reminder rules.
 */
@Prototype
@Route(value = "admin/cockpit", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.TENANT_ADMIN)
class CockpitView extends ChainPage {

    private final SignOffs signOffs;
    private final CampaignProgress progress;
    private final CampaignExport export;
    private final ErrorReports reports;
    private final Reminders reminders;
    private final AuditLog audit;

    CockpitView(SignOffs signOffs, CampaignProgress progress, CampaignExport export, ErrorReports reports,
                Reminders reminders, AuditLog audit, SignOut signOut) {
        super(signOut);
        this.signOffs = signOffs;
        this.progress = progress;
        this.export = export;
        this.reports = reports;
        this.reminders = reminders;
        this.audit = audit;
        show();
    }

    private void show() {
        clearContent();
        H2 heading = new H2(getTranslation("chain.cockpit.title"));
        heading.setId("cockpit-title");
        content(new AdminNav(AdminNav.Item.COCKPIT), heading);
        PublishedCampaign pc;
        try {
            pc = signOffs.campaign(tenant.context(), null);
        } catch (NotFound none) {
            content(note("cockpit-no-campaign", getTranslation("chain.noCampaign"), "rc-card", "rc-secondary"));
            return;
        }
        CampaignProgress.View v = progress.view(tenant.context(), pc);
        content(totals(v), charts(v),
                units("cockpit-colleges", "chain.cockpit.byCollege", v.colleges()),
                units("cockpit-levels", "chain.cockpit.byLevel", v.levels()),
                units("cockpit-classes", "chain.cockpit.byClass", v.classes()),
                overdue(v),
                new QueuePanel(reports, tenant.context(), user.username(), pc.campaignId(), this::show),
                actions(pc),
                new RulesEditor(reminders, tenant, pc.campaignId()));
    }

    private Div totals(CampaignProgress.View v) {
        CampaignProgress.Unit t = v.total();
        Div kpis = new Div(kpi("cockpit-students", "chain.cockpit.students", String.valueOf(t.students())),
                kpi("cockpit-signed", "chain.cockpit.signed", String.valueOf(t.signed())),
                kpi("cockpit-rate", "chain.cockpit.rate", Percent.of(t.rate())),
                kpi("cockpit-open", "chain.cockpit.openReports", String.valueOf(t.reportsOpen())));
        kpis.addClassName("rc-kpis");
        Div card = new Div(note("cockpit-campaign", v.name(), "rc-secondary"), kpis);
        card.addClassName("rc-card");
        return card;
    }

    private Div kpi(String id, String key, String value) {
        Span figure = new Span(value);
        figure.setId(id);
        figure.addClassName("rc-kpi");
        Div d = new Div(figure, new Paragraph(getTranslation(key)));
        d.addClassName("rc-kpi-box");
        return d;
    }

    private Div charts(CampaignProgress.View v) {
        List<String> days = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (CampaignProgress.Day d : v.trend()) {
            days.add(d.day().toString().substring(5));
            rates.add(d.rate());
        }
        List<String> fields = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : v.reportsByField().entrySet()) {
            fields.add(getTranslation("field." + e.getKey()));
            counts.add(e.getValue().doubleValue());
        }
        Div card = new Div(new H3(getTranslation("chain.cockpit.trend")),
                new ChartElement("cockpit-trend", getTranslation("chain.cockpit.trend")).line(getTranslation("chain.cockpit.rate"), days, rates),
                new H3(getTranslation("chain.cockpit.byField")),
                new ChartElement("cockpit-fields", getTranslation("chain.cockpit.byField")).bars(getTranslation("chain.cockpit.reports"), fields, counts));
        card.addClassName("rc-card");
        return card;
    }

    private Div units(String id, String titleKey, List<CampaignProgress.Unit> units) {
        List<List<String>> rows = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (CampaignProgress.Unit u : units) {
            rows.add(List.of(u.name(), Percent.of(u.rate()), u.signed() + " / " + u.students(), String.valueOf(u.reportsOpen()),
                    u.signedOffAt() != null ? Percent.at(u.signedOffAt(), tenant.timeZone(), getLocale())
                            : u.overdue() ? getTranslation("chain.college.overdue") : ""));
            marks.add(u.overdue() ? "rc-overdue" : null);
        }
        Div card = new Div(new H3(getTranslation(titleKey)), table(id, List.of(getTranslation("chain.cockpit.unit"),
                getTranslation("chain.college.rate"), getTranslation("chain.roll.signed"), getTranslation("chain.cockpit.openReports"),
                getTranslation("chain.cockpit.signedOff")), rows, marks));
        card.addClassName("rc-card");
        return card;
    }

    private Div overdue(CampaignProgress.View v) {
        Div card = new Div(new H3(getTranslation("chain.cockpit.overdue")));
        card.setId("cockpit-overdue");
        card.addClassName("rc-card");
        if (v.overdueClasses().isEmpty() && v.overdueColleges().isEmpty()) {
            card.add(note("cockpit-overdue-none", getTranslation("chain.cockpit.overdueNone"), "rc-secondary"));
        }
        for (CampaignProgress.Unit u : v.overdueColleges()) {
            card.add(note("cockpit-overdue-college-" + u.id(), getTranslation("chain.cockpit.overdueCollege", u.name()), "rc-error"));
        }
        for (CampaignProgress.Unit u : v.overdueClasses()) {
            card.add(note("cockpit-overdue-class-" + u.id(), getTranslation("chain.cockpit.overdueClass", u.name(), Percent.of(u.rate())), "rc-error"));
        }
        return card;
    }

    private Div actions(PublishedCampaign pc) {
        long id = pc.campaignId();
        Div buttons = new Div(download("cockpit-export", getTranslation("chain.cockpit.export"), "campaign-" + id + ".xlsx",
                CollegeView.XLSX, () -> {
                    byte[] x = export.workbook(tenant.context(), pc, getLocale(), tenant.zone());
                    audit.tenant(tenant.context(), user.username(), "export.campaign", "campaign:" + id, null, Site.ip());
                    return x;
                }));
        buttons.addClassName("rc-buttons");
        Button close = new Button(getTranslation("chain.cockpit.close"), e -> confirmClose(id));
        close.setId("cockpit-close");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        buttons.add(close);
        Div card = new Div(new H3(getTranslation("chain.cockpit.campaign")), buttons);
        card.setId("cockpit-actions");
        card.addClassName("rc-card");
        return card;
    }

    private void confirmClose(long campaignId) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("chain.cockpit.close"));
        d.add(new Paragraph(getTranslation("chain.cockpit.closeConfirm")));
        Button yes = new Button(getTranslation("chain.cockpit.closeYes"), e -> {
            export.close(tenant.context(), user.username(), campaignId, getLocale(), tenant.zone(), Site.ip());
            d.close();
            closed(campaignId);
        });
        yes.setId("cockpit-close-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button no = new Button(getTranslation("chain.cockpit.closeNo"), e -> d.close());
        no.setId("cockpit-close-no");
        d.getFooter().add(no, yes);
        d.open();
    }

    /** After closing: the frozen archive can be downloaded. */
    private void closed(long campaignId) {
        clearContent();
        H2 heading = new H2(getTranslation("chain.cockpit.title"));
        heading.setId("cockpit-title");
        Div card = new Div(note("cockpit-closed", getTranslation("chain.cockpit.closed"), "rc-success"),
                download("cockpit-archive", getTranslation("chain.cockpit.archive"), "campaign-" + campaignId + "-archive.xlsx",
                        CollegeView.XLSX, () -> export.archive(tenant.context(), user.username(), campaignId, Site.ip())
                                .orElseThrow(() -> new NotFound("archive"))));
        card.addClassName("rc-card");
        content(new AdminNav(AdminNav.Item.COCKPIT), heading, card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chain.cockpit.title") + " · " + tenant.name(getLocale());
    }
}
