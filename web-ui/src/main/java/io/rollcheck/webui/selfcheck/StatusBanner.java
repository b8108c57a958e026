package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.webui.site.Dates;

import java.util.Locale;

/**
 * The one status a student sees (未开始 / 核对中 / 已确认无误 / 已报告错误，处理中 / 已签名 / 请重新确认),
 * what it means, and the one next step. A polite live region for screen readers.
 */
final class StatusBanner {

    private StatusBanner() {
    }

    static Component of(Component c, CheckState s, String zone, Locale locale) {
        Markup m = new Markup();
        m.element("span", c.getTranslation("student.status." + s.status()), "id", "check-status-label",
                        "class", "rc-status-label")
                .element("p", detail(c, s, zone, locale), "id", "check-status-detail", "class", "rc-status-detail");
        if (s.signature() != null && s.status() == CheckState.Status.SIGNED) {
            m.open("p", "class", "rc-status-code").text(c.getTranslation("student.status.code") + " ")
                    .element("span", s.signature().receiptCode(), "id", "check-status-code", "class", "rc-code-inline")
                    .close("p");
        }
        nextStep(m, c, s);
        return m.html("div", "id", "check-status", "class", "rc-card rc-status rc-status-"
                        + s.status().name().toLowerCase(Locale.ROOT), "role", "status", "aria-live", "polite",
                "data-status", s.status().name());
    }

    private static String detail(Component c, CheckState s, String zone, Locale locale) {
        int total = s.fields().size();
        return switch (s.status()) {
            case NOT_STARTED -> c.getTranslation("student.status.detail.NOT_STARTED", total);
            case CHECKING -> c.getTranslation("student.status.detail.CHECKING", s.answered(), total);
            case SIGNED -> c.getTranslation("student.status.detail.SIGNED",
                    Dates.dateTime(s.signature().signedAt(), zone, locale));
            case RECONFIRM -> c.getTranslation("student.status.detail.RECONFIRM", s.version());
            default -> c.getTranslation("student.status.detail." + s.status());
        };
    }

    /** The next step as a link styled as the page's main button; none while the campaign is not open yet. */
    static void nextStep(Markup m, Component c, CheckState s) {
        String href = switch (s.nextStep()) {
            case "CHECK_FIELDS" -> "/" + StudentNav.FIELDS;
            case "SIGN" -> "/" + SignView.ROUTE;
            case "DONE" -> "/" + ReceiptView.ROUTE;
            case "CONTACT_OFFICE" -> "/" + StudentNav.GUIDE + "#offices";
            default -> null;
        };
        if (href != null) {
            String key = "CHECK_FIELDS".equals(s.nextStep()) && s.answered() == 0 ? "student.next.START"
                    : "student.next." + s.nextStep();
            button(m, c.getTranslation(key), href, "next-step", true);
        }
    }

    /** A link that looks like a button (primary: the page's main action). */
    static Markup button(Markup m, String text, String href, String id, boolean primary) {
        return m.element("a", text, "href", href, "id", id, "class",
                primary ? "rc-button rc-button-primary" : "rc-button rc-button-secondary");
    }
}
