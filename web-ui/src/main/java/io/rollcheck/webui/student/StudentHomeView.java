package io.rollcheck.webui.student;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.selfcheck.CheckState;
import io.rollcheck.platform.selfcheck.SelfCheck;
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
            H2 heading = new H2(s.campaignName());
            heading.setId("check-title");
            content(heading, new StatusBanner(s, tenant.timeZone(), getLocale()), progress(s),
                    new Countdown(s, clock.instant(), getLocale()));
            if (s.unreadMessages() > 0) {
                Anchor messages = new Anchor("/" + StudentNav.REPORTS, getTranslation("student.home.messages", s.unreadMessages()));
                messages.setId("home-messages");
                messages.addClassNames("rc-card", "rc-message-link");
                content(messages);
            }
            content(new NoticeCard(s, tenant.context(), attachments, getLocale()), help());
        });
    }

    /** 已核对 n / N, as text and as a bar. */
    static Div progress(CheckState s) {
        Div box = new Div();
        box.setId("check-progress");
        box.addClassName("rc-progress");
        Span text = new Span(box.getTranslation("student.progress", s.answered(), s.fields().size()));
        text.setId("check-progress-text");
        ProgressBar bar = new ProgressBar(0, Math.max(1, s.fields().size()), s.answered());
        bar.getElement().setAttribute("aria-label", text.getText());
        box.add(text, bar);
        return box;
    }

    private Div help() {
        Div help = new Div();
        help.setId("home-help");
        help.addClassNames("rc-card", "rc-links");
        Anchor guide = new Anchor("/" + StudentNav.GUIDE, getTranslation("student.home.guide"));
        guide.setId("home-guide");
        Anchor account = new Anchor("/" + AccountProblemView.ROUTE, getTranslation("student.home.account"));
        account.setId("home-account");
        help.add(guide, account);
        return help;
    }
}
