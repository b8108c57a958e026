package io.rollcheck.webui.student;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.campaign.CampaignContent;
import io.rollcheck.platform.campaign.FaqSearch;
import io.rollcheck.platform.campaign.PublishedCampaign;
import io.rollcheck.platform.campaign.PublishedCampaigns;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.selfcheck.SelfCheck;
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
        Section steps = new Section();
        steps.setId("guide");
        steps.addClassName("rc-card");
        steps.add(chsiLink());
        OrderedList list = new OrderedList();
        list.addClassName("rc-steps");
        List<CampaignContent.GuideStep> guide = c.content().guide() == null ? List.of() : c.content().guide();
        for (int i = 0; i < guide.size(); i++) {
            Span title = new Span(guide.get(i).title());
            title.addClassName("rc-step-title");
            ListItem item = new ListItem(title, new Paragraph(guide.get(i).text()));
            item.setId("guide-step-" + i);
            list.add(item);
        }
        steps.add(list);

        H2 faqHeading = new H2(getTranslation("student.faq.title"));
        faqHeading.setId("faq-title");
        FaqPanel panel = new FaqPanel("faq", q -> faq.search(t, c, q, 20), "", true);
        panel.addClassName("rc-card");
        Anchor account = new Anchor("/" + AccountProblemView.ROUTE, getTranslation("student.home.account"));
        account.setId("guide-account");
        panel.add(account);

        H2 officesHeading = new H2(getTranslation("student.offices.title"));
        officesHeading.setId("offices");
        Div offices = new Div();
        offices.setId("offices-list");
        offices.addClassNames("rc-card", "rc-offices");
        List<CampaignContent.Office> all = c.content().offices() == null ? List.of() : c.content().offices();
        for (int i = 0; i < all.size(); i++) {
            offices.add(Offices.card(all.get(i), "office-" + i));
        }
        content(heading, steps, faqHeading, panel, officesHeading, offices);
    }

    static Anchor chsiLink() {
        Anchor a = new Anchor(CHSI, "");
        a.setText(a.getTranslation("student.guide.openChsi"));
        a.setTarget(AnchorTarget.BLANK);
        a.getElement().setAttribute("rel", "noopener noreferrer");
        a.setId("chsi-link");
        a.addClassNames("rc-button", "rc-button-secondary");
        return a;
    }
}
