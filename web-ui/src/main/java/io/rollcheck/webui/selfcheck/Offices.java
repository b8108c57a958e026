package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;
import io.rollcheck.tenantadmin.campaign.CampaignContent;

import java.util.List;

/** Contact offices: where, when, and phone and mail as links a phone can act on (tap to call, tap to mail). */
final class Offices {

    private Offices() {
    }

    /** The offices dealing with {@code field} (those listing it), else all of them. */
    static List<CampaignContent.Office> forField(List<CampaignContent.Office> all, String field) {
        if (all == null) {
            return List.of();
        }
        List<CampaignContent.Office> named = all.stream()
                .filter(o -> o.fields() != null && o.fields().contains(field)).toList();
        return named.isEmpty() ? all : named;
    }

    /** Writes the offices, one block each, with ids {@code idPrefix-0}, {@code idPrefix-1}… */
    static void write(Markup m, Component c, List<CampaignContent.Office> offices, String idPrefix) {
        for (int i = 0; i < offices.size(); i++) {
            CampaignContent.Office o = offices.get(i);
            m.open("div", "id", idPrefix + "-" + i, "class", "rc-office").element("h3", o.name());
            row(m, c, "student.office.location", o.location(), null);
            row(m, c, "student.office.hours", o.hours(), null);
            if (o.phones() != null) {
                for (String phone : o.phones()) {
                    m.open("div", "class", "rc-office-row").element("span", c.getTranslation("student.office.phone"),
                                    "class", "rc-field-label")
                            .element("a", phone, "class", "rc-tel", "href", "tel:" + phone.replaceAll("[^0-9+]", ""),
                                    "aria-label", c.getTranslation("student.office.call", o.name(), phone))
                            .close("div");
                }
            }
            if (o.email() != null && !o.email().isBlank()) {
                row(m, c, "student.office.email", o.email().strip(), "mailto:" + o.email().strip());
            }
            m.close("div");
        }
    }

    private static void row(Markup m, Component c, String key, String value, String href) {
        if (value == null || value.isBlank()) {
            return;
        }
        m.open("div", "class", "rc-office-row").element("span", c.getTranslation(key), "class", "rc-field-label");
        if (href == null) {
            m.element("span", value);
        } else {
            m.element("a", value, "class", "rc-mail", "href", href);
        }
        m.close("div");
    }
}
