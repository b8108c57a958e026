package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;

/**
 * {@code /check/reports}: the student's error reports with their review status and the reviewer's
 * comments, and his messages (a report's status changed), new ones marked; opening the page reads them.
 */
@Prototype
@Route(value = StudentNav.REPORTS, registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.STUDENT)
class ReportsView extends StudentPage {

    ReportsView(SelfCheck check, ErrorReports reports, SignOut signOut) {
        super(signOut, "student.reports.title");
        load(check).ifPresent(s -> {
            List<ErrorReports.Message> messages = reports.messages(tenant.context(), studentId(), true);
            nav(StudentNav.REPORTS, 0);
            H2 heading = new H2(getTranslation("student.reports.title"));
            heading.setId("reports-title");
            content(heading);
            if (!messages.isEmpty()) {
                content(messages(s, messages));
            }
            Div list = new Div();
            list.setId("reports");
            if (s.reports().isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("student.reports.none"));
                none.setId("reports-none");
                none.addClassNames("rc-card", "rc-secondary");
                list.add(none);
            }
            s.reports().forEach(r -> list.add(report(r)));
            Anchor account = new Anchor("/" + AccountProblemView.ROUTE, getTranslation("student.home.account"));
            account.setId("reports-account");
            content(list, account);
        });
    }

    private Div messages(CheckState s, List<ErrorReports.Message> messages) {
        Div box = new Div(new H3(getTranslation("student.messages.title")));
        box.setId("messages");
        box.addClassNames("rc-card", "rc-messages");
        UnorderedList items = new UnorderedList();
        for (ErrorReports.Message m : messages) {
            ListItem li = new ListItem(new Span(text(s, m)));
            li.addClassName("rc-message-" + m.kind().toLowerCase(Locale.ROOT));
            Span when = new Span(Dates.dateTime(m.at(), tenant.timeZone(), getLocale()));
            when.addClassName("rc-secondary");
            li.add(when);
            li.setId("message-" + m.id());
            if (!m.read()) {
                Span fresh = new Span(getTranslation("student.messages.new"));
                fresh.addClassNames("rc-badge", "rc-badge-new");
                li.addComponentAsFirst(fresh);
                li.addClassName("rc-unread");
            }
            items.add(li);
        }
        box.add(items);
        return box;
    }

    /** A report's new status names the report; a class monitor's nudge and a reminder say what is still to do. */
    private String text(CheckState s, ErrorReports.Message m) {
        if (!"REPORT_STATUS".equals(m.kind())) {
            return getTranslation("student.messages.kind." + m.kind());
        }
        String what = s.reports().stream().filter(r -> m.reportId() != null && r.id() == m.reportId()).findFirst()
                .map(this::subject).orElse(getTranslation("student.reports.report"));
        return getTranslation("student.messages.status", what, getTranslation("student.report.status." + m.status()));
    }

    private Article report(CheckState.Report r) {
        Article a = new Article();
        a.setId("report-" + r.id());
        a.addClassNames("rc-card", "rc-report");
        Span status = new Span(getTranslation("student.report.status." + r.status()));
        status.setId("report-" + r.id() + "-status");
        status.addClassNames("rc-badge", "rc-badge-" + r.status().toLowerCase(Locale.ROOT));
        Div head = new Div(new H3(subject(r)), status);
        head.addClassName("rc-check-head");
        a.add(head);
        Locale l = getLocale();
        a.add(Facts.row(getTranslation("student.reports.filed"), null, Dates.dateTime(r.createdAt(), tenant.timeZone(), l)));
        optional(a, "ACCOUNT".equals(r.kind()) ? "student.account.shown" : "student.report.shown", r.shown());
        optional(a, "student.report.correct", r.correct());
        optional(a, "student.reports.reason", r.reason());
        if (!r.evidence().isEmpty()) {
            a.add(Facts.row(getTranslation("student.reports.evidence"), null,
                    String.join("、", r.evidence().stream().map(CheckState.Evidence::fileName).toList())));
        }
        if ("PAPER_EVIDENCE".equals(r.policy())) {
            a.add(new Paragraph(getTranslation("student.reports.paper")));
        }
        if (r.reviewerComment() != null) {
            Paragraph comment = new Paragraph(getTranslation("student.report.comment", r.reviewerComment()));
            comment.setId("report-" + r.id() + "-comment");
            comment.addClassName("rc-comment");
            a.add(comment);
        }
        if ("RETURNED".equals(r.status()) && r.field() != null) {
            Anchor fix = new Anchor("/" + StudentNav.FIELDS + "#check-" + r.field(),
                    getTranslation("student.reports.amend"));
            fix.setId("report-" + r.id() + "-amend");
            a.add(fix);
        }
        return a;
    }

    private void optional(Article a, String key, String value) {
        if (value != null && !value.isBlank()) {
            a.add(Facts.row(getTranslation(key), null, value));
        }
    }

    private String subject(CheckState.Report r) {
        return r.field() == null ? getTranslation("student.reports.account") : getTranslation("field." + r.field());
    }
}
