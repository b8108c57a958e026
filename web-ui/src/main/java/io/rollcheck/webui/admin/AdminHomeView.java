package io.rollcheck.webui.admin;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;
import io.rollcheck.tenantadmin.org.Organisation;
import io.rollcheck.tenantadmin.roster.RosterHistory;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * {@code /admin}: the registrar's start page: one card per back-office screen, in the order the
 * work is done (structure, roster, campaign, look), each with where things stand.
 */
@Prototype
@Route(value = "admin", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.TENANT_ADMIN)
class AdminHomeView extends AdminPage {

    AdminHomeView(Organisation org, RosterHistory roster, CampaignAuthoring campaigns, SignOut signOut) {
        super(signOut, AdminNav.Item.HOME, "admin.home.title");
        TenantContext t = tenant.context();
        Paragraph intro = new Paragraph(getTranslation("admin.home.intro"));
        intro.addClassName("rc-lead");
        Div cards = new Div();
        cards.addClassName("rc-home-cards");
        cards.setId("admin-home");
        cards.add(card(AdminNav.Item.ORG, getTranslation("admin.home.org", org.colleges(t).size(), org.classes(t, null).size(),
                org.staff(t).size())));
        List<RosterHistory.Entry> imports = roster.list(t);
        cards.add(card(AdminNav.Item.ROSTER, imports.stream().filter(RosterHistory.Entry::committed).findFirst()
                .map(e -> getTranslation("admin.home.roster", Dates.date(e.at(), tenant.timeZone(), getLocale()), e.fileName()))
                .orElse(getTranslation("admin.home.rosterNone"))));
        List<CampaignAuthoring.Summary> all = campaigns.list(t);
        cards.add(card(AdminNav.Item.CAMPAIGNS, getTranslation("admin.home.campaigns", all.size(),
                all.stream().filter(c -> c.publishedVersion() > 0).count())));
        cards.add(card(AdminNav.Item.BRANDING, getTranslation("admin.home.branding")));
        cards.add(card(AdminNav.Item.AUDIT, getTranslation("admin.home.audit")));
        content(heading("admin-home-title"), intro, cards);
    }

    private Anchor card(AdminNav.Item item, String status) {
        H3 title = new H3(getTranslation(item.label()));
        Paragraph what = new Paragraph(getTranslation("admin.home.what." + item.name().toLowerCase(java.util.Locale.ROOT)));
        what.addClassName("rc-secondary");
        Paragraph state = new Paragraph(status);
        state.addClassName("rc-home-status");
        Anchor a = new Anchor("/" + item.path(), "");
        a.add(title, what, state);
        a.setId("admin-home-" + item.name().toLowerCase(java.util.Locale.ROOT));
        a.addClassNames("rc-card", "rc-home-card");
        return a;
    }
}
