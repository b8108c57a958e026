package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;

/** Links between the self-check's pages; "my reports" carries the count of unread messages. */
final class StudentNav {

    static final String HOME = "check";
    static final String FIELDS = "check/fields";
    static final String GUIDE = "check/guide";
    static final String REPORTS = "check/reports";

    private StudentNav() {
    }

    /** The navigation with {@code active} marked as the current page (plain links: one block of markup). */
    static Component of(Component c, String active, int unread) {
        Markup m = new Markup();
        link(m, c, HOME, "student.nav.home", active);
        link(m, c, FIELDS, "student.nav.fields", active);
        link(m, c, GUIDE, "student.nav.guide", active);
        m.open("a", "href", "/" + REPORTS, "id", "nav-check-reports", "aria-current", REPORTS.equals(active) ? "page" : null)
                .text(c.getTranslation("student.nav.reports"));
        if (unread > 0) {
            m.element("span", String.valueOf(unread), "id", "nav-unread", "class", "rc-count",
                    "aria-label", c.getTranslation("student.nav.unread", unread));
        }
        m.close("a");
        return m.html("nav", "id", "student-nav", "class", "rc-student-nav", "aria-label",
                c.getTranslation("student.nav.label"));
    }

    private static void link(Markup m, Component c, String route, String key, String active) {
        m.element("a", c.getTranslation(key), "href", "/" + route, "id", "nav-" + route.replace('/', '-'),
                "aria-current", route.equals(active) ? "page" : null);
    }
}
