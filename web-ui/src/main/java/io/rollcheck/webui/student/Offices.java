package io.rollcheck.webui.student;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.rollcheck.platform.campaign.CampaignContent;

import java.util.List;

/** Contact offices as cards: where, when, and phone and mail as links a phone can act on. */
final class Offices {

    private Offices() {
    }

    /** The offices dealing with {@code field} (those listing it), else all of them. */
    static List<CampaignContent.Office> forField(List<CampaignContent.Office> all, String field) {
        if (all == null) {
            return List.of();
        }
        List<CampaignContent.Office> named = all.stream().filter(o -> o.fields() != null && o.fields().contains(field)).toList();
        return named.isEmpty() ? all : named;
    }

    static Div card(CampaignContent.Office o, String id) {
        Div card = new Div();
        card.setId(id);
        card.addClassName("rc-office");
        card.add(new H3(o.name()));
        line(card, "student.office.location", o.location());
        line(card, "student.office.hours", o.hours());
        if (o.phones() != null) {
            for (String phone : o.phones()) {
                Anchor tel = new Anchor("tel:" + phone.replaceAll("[^0-9+]", ""), phone);
                tel.addClassName("rc-tel");
                tel.getElement().setAttribute("aria-label", card.getTranslation("student.office.call", o.name(), phone));
                card.add(row(card, "student.office.phone", tel));
            }
        }
        if (o.email() != null && !o.email().isBlank()) {
            Anchor mail = new Anchor("mailto:" + o.email().strip(), o.email().strip());
            mail.addClassName("rc-mail");
            card.add(row(card, "student.office.email", mail));
        }
        return card;
    }

    private static void line(Div card, String key, String value) {
        if (value != null && !value.isBlank()) {
            card.add(row(card, key, new Span(value)));
        }
    }

    private static Div row(Div card, String key, com.vaadin.flow.component.Component value) {
        Span label = new Span(card.getTranslation(key));
        label.addClassName("rc-field-label");
        Div row = new Div(label, value);
        row.addClassName("rc-office-row");
        return row;
    }
}
