package io.rollcheck.webui.portal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.tenantadmin.portal.PortalNotice;
import io.rollcheck.tenantadmin.portal.PortalService;
import io.rollcheck.platform.tenancy.Branding;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.Landing;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;

import java.util.List;
import java.util.Locale;

/** A university's public portal: its name and colour, a welcome, and its news items. */
@Prototype
@Route(value = "", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@AnonymousAllowed
class PortalView extends PageShell {

    private final Tenant tenant;

    PortalView(PortalService portal, SignOut signOut, Landing landing) {
        tenant = Site.tenant();
        Locale locale = getLocale();
        boolean english = "en".equals(locale.getLanguage());
        Branding b = tenant.branding() == null ? Branding.defaults() : tenant.branding();
        siteName(tenant.name(locale), "portal-name");
        accent(b.primaryColor());
        Site.user().ifPresentOrElse(u -> signedIn(u, signOut.button()), () -> {
            Anchor login = new Anchor("/login", getTranslation("portal.login"));
            login.setId("portal-login");
            login.addClassName("rc-header-link");
            headerActions(login);
        });

        Div hero = new Div();
        hero.addClassNames("rc-card", "rc-hero");
        String other = english ? tenant.nameZh() : tenant.nameEn();
        if (other != null && !other.isBlank() && !other.equals(tenant.name(locale))) {
            Span subtitle = new Span(other);
            subtitle.addClassName("rc-secondary");
            subtitle.setId("portal-name-other");
            hero.add(subtitle);
        }
        String welcome = english ? b.welcomeEn() : b.welcomeZh();
        Paragraph greeting = new Paragraph(welcome == null || welcome.isBlank()
                ? getTranslation("portal.welcome", tenant.name(locale)) : welcome);
        greeting.setId("portal-welcome");
        hero.add(greeting);

        content(hero);
        Site.user().filter(u -> Landing.CHECK.equals(landing.after(tenant, u))).ifPresent(u -> content(selfCheck()));

        Section news = new Section();
        news.setId("portal-notices");
        news.add(new H2(getTranslation("portal.notices")));
        List<PortalNotice> notices = portal.notices(tenant.context());
        if (notices.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("portal.noNotices"));
            none.setId("portal-no-notices");
            none.addClassNames("rc-card", "rc-secondary");
            news.add(none);
        }
        for (PortalNotice n : notices) {
            Article item = new Article();
            item.setId("notice-" + n.id());
            item.addClassNames("rc-card", "rc-notice");
            Span date = new Span(Dates.date(n.createdAt(), tenant.timeZone(), locale));
            date.addClassName("rc-notice-date");
            Paragraph body = new Paragraph(n.body());
            body.addClassName("rc-notice-body");
            item.add(new H3(n.title()), date, body);
            news.add(item);
        }
        content(news);
    }

    /** A signed-in student's way into his self-check (when a campaign includes him), above everything else. */
    private Div selfCheck() {
        Div card = new Div();
        card.setId("portal-check");
        card.addClassNames("rc-card", "rc-cta");
        H2 title = new H2(getTranslation("student.portal.title"));
        Paragraph text = new Paragraph(getTranslation("student.portal.text"));
        Anchor go = new Anchor("/check", getTranslation("student.portal.go"));
        go.setId("portal-check-go");
        go.addClassNames("rc-button", "rc-button-primary");
        card.add(title, text, go);
        return card;
    }

    @Override
    public String getPageTitle() {
        return tenant.name(getLocale());
    }
}
