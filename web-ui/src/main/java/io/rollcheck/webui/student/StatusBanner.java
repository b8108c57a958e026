package io.rollcheck.webui.student;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.rollcheck.platform.selfcheck.CheckState;
import io.rollcheck.webui.site.Dates;

import java.util.Locale;

/**
 * The one status a student sees (未开始 / 核对中 / 已确认无误 / 已报告错误，处理中 / 已签名 / 请重新确认),
 * what it means, and the one next step. Announced politely to screen readers when it changes.
 */
final class StatusBanner extends Div {

    StatusBanner(CheckState s, String zone, Locale locale) {
        setId("check-status");
        addClassNames("rc-card", "rc-status", "rc-status-" + s.status().name().toLowerCase(Locale.ROOT));
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("data-status", s.status().name());
        Span label = new Span(getTranslation("student.status." + s.status()));
        label.setId("check-status-label");
        label.addClassName("rc-status-label");
        Paragraph detail = new Paragraph(detail(s, zone, locale));
        detail.setId("check-status-detail");
        detail.addClassName("rc-status-detail");
        add(label, detail);
        Anchor next = next(s);
        if (next != null) {
            add(next);
        }
    }

    private String detail(CheckState s, String zone, Locale locale) {
        int total = s.fields().size();
        return switch (s.status()) {
            case NOT_STARTED -> getTranslation("student.status.detail.NOT_STARTED", total);
            case CHECKING -> getTranslation("student.status.detail.CHECKING", s.answered(), total);
            case SIGNED -> getTranslation("student.status.detail.SIGNED",
                    Dates.dateTime(s.signature().signedAt(), zone, locale), s.signature().receiptCode());
            case RECONFIRM -> getTranslation("student.status.detail.RECONFIRM", s.version());
            default -> getTranslation("student.status.detail." + s.status());
        };
    }

    /** The next step as a link styled as the page's main button; none while the campaign is not open yet. */
    static Anchor next(CheckState s) {
        String route = switch (s.nextStep()) {
            case "CHECK_FIELDS" -> StudentNav.FIELDS;
            case "SIGN" -> SignView.ROUTE;
            case "DONE" -> ReceiptView.ROUTE;
            case "CONTACT_OFFICE" -> StudentNav.GUIDE;
            default -> null;
        };
        if (route == null) {
            return null;
        }
        String key = "CHECK_FIELDS".equals(s.nextStep()) && s.answered() == 0 ? "student.next.START"
                : "student.next." + s.nextStep();
        Anchor a = new Anchor("/" + route + ("CONTACT_OFFICE".equals(s.nextStep()) ? "#offices" : ""), "");
        a.setText(a.getTranslation(key));
        a.setId("next-step");
        a.addClassNames("rc-button", "rc-button-primary");
        return a;
    }
}
