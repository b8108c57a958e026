package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.FaqSearch;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * {@code /check/guide}: the university's step-by-step guide to CHSI (学信网, opened in a new tab), the
 * troubleshooting FAQ searchable in Chinese, and the contact offices (tap to call, tap to mail).
 */
@Prototype
@Route(value = StudentNav.GUIDE, registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.STUDENT)
class GuideView extends StudentPage {

    static final String CHSI = "https://www.chsi.com.cn";

    GuideView(SelfCheck check, PublishedCampaigns campaigns, FaqSearch faq, SignOut signOut) {
        super(signOut, "student.guide.title");
        load(check).ifPresent(s -> {
            nav(StudentNav.GUIDE, s.unreadMessages());
            campaigns.open(tenant.context(), s.campaignId()).ifPresent(c -> show(c, faq, tenant.context()));
        });
    }

    private void show(PublishedCampaign c, FaqSearch faq, TenantContext t) {
        H2 heading = new H2(getTranslation("student.guide.title"));
        heading.setId("guide-title");
        Markup steps = chsiLink(new Markup(), this).open("ol", "class", "rc-steps");
        List<CampaignContent.GuideStep> guide = c.content().guide() == null ? List.of() : c.content().guide();
        for (int i = 0; i < guide.size(); i++) {
            steps.open("li", "id", "guide-step-" + i).element("span", guide.get(i).title(), "class", "rc-step-title")
                    .element("p", guide.get(i).text()).close("li");
        }
        steps.close("ol");

        H2 faqHeading = new H2(getTranslation("student.faq.title"));
        faqHeading.setId("faq-title");
        FaqPanel panel = new FaqPanel("faq", q -> faq.search(t, c, q, 20), "", true);
        panel.addClassName("rc-card");
        Anchor account = new Anchor("/" + AccountProblemView.ROUTE, getTranslation("student.home.account"));
        account.setId("guide-account");
        panel.add(account);

        H2 officesHeading = new H2(getTranslation("student.offices.title"));
        officesHeading.setId("offices");
        Markup offices = new Markup();
        Offices.write(offices, this, c.content().offices() == null ? List.of() : c.content().offices(), "office");
        content(heading, steps.html("section", "id", "guide", "class", "rc-card"), faqHeading, panel, officesHeading,
                offices.html("div", "id", "offices-list", "class", "rc-card rc-offices"));
    }

    /** CHSI's site, in a new tab that cannot reach back into this one. */
    static Markup chsiLink(Markup m, com.vaadin.flow.component.Component c) {
        return m.element("a", c.getTranslation("student.guide.openChsi"), "href", CHSI, "target", "_blank",
                "rel", "noopener noreferrer", "id", "chsi-link", "class", "rc-button rc-button-secondary");
    }
}
