package io.rollcheck.webui.student;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;

/** Links between the self-check's pages; "my reports" carries the count of unread messages. */
final class StudentNav extends Nav {

    static final String HOME = "check";
    static final String FIELDS = "check/fields";
    static final String GUIDE = "check/guide";
    static final String REPORTS = "check/reports";

    StudentNav(String active, int unread) {
        setId("student-nav");
        addClassName("rc-student-nav");
        getElement().setAttribute("aria-label", getTranslation("student.nav.label"));
        add(link(HOME, "student.nav.home", active), link(FIELDS, "student.nav.fields", active),
                link(GUIDE, "student.nav.guide", active));
        Anchor reports = link(REPORTS, "student.nav.reports", active);
        if (unread > 0) {
            Span badge = new Span(String.valueOf(unread));
            badge.setId("nav-unread");
            badge.addClassName("rc-count");
            badge.getElement().setAttribute("aria-label", getTranslation("student.nav.unread", unread));
            reports.add(badge);
        }
        add(reports);
    }

    private static Anchor link(String route, String key, String active) {
        Anchor a = new Anchor("/" + route, "");
        a.setText(a.getTranslation(key));
        a.setId("nav-" + route.replace('/', '-'));
        if (route.equals(active)) {
            a.getElement().setAttribute("aria-current", "page");
        }
        return a;
    }
}
