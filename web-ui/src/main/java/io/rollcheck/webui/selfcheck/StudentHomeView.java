package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;

/**
 * {@code /check}: the student's self-check at a glance, phone first: where he stands and his one
 * next step, the time left until his deadline, new messages, then the notice itself.
 */
@Prototype
@Route(value = StudentNav.HOME, registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.STUDENT)
class StudentHomeView extends StudentPage {

    StudentHomeView(SelfCheck check, Attachments attachments, Clock clock, SignOut signOut) {
        super(signOut, "student.home.title");
        load(check).ifPresent(s -> {
            nav(StudentNav.HOME, s.unreadMessages());
            content(new Markup().text(s.campaignName()).html("h2", "id", "check-title"),
                    StatusBanner.of(this, s, tenant.timeZone(), getLocale()), Progress.of(this, s));
            if (s.status() != CheckState.Status.SIGNED) {
                content(Countdown.of(this, s, clock.instant(), getLocale()));
            }
            if (s.unreadMessages() > 0) {
                content(new Markup().text(getTranslation("student.home.messages", s.unreadMessages())).html("a",
                        "href", "/" + StudentNav.REPORTS, "id", "home-messages", "class", "rc-card rc-message-link"));
            }
            content(new NoticeCard(s, tenant.context(), attachments, getLocale()), help());
        });
    }

    private Component help() {
        return new Markup()
                .element("a", getTranslation("student.home.guide"), "href", "/" + StudentNav.GUIDE, "id", "home-guide")
                .element("a", getTranslation("student.home.account"), "href", "/" + AccountProblemView.ROUTE,
                        "id", "home-account")
                .html("div", "id", "home-help", "class", "rc-card rc-links");
    }
}
