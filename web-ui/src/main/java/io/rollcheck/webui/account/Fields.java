package io.rollcheck.webui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Label and value pairs of a read-only card (stacked on a phone, side by side on wider screens). */
final class Fields {

    private Fields() {
    }

    static Component row(String labelKey, String id, String value) {
        Div row = new Div();
        row.addClassName("rc-field");
        Span label = new Span(row.getTranslation(labelKey));
        label.addClassName("rc-field-label");
        Span v = new Span(value == null || value.isBlank() ? "—" : value);
        v.addClassName("rc-field-value");
        v.setId(id);
        row.add(label, v);
        return row;
    }
}
