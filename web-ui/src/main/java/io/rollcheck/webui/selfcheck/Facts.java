package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A label and its value on one line of a read-only card (stacked on a narrow phone). */
final class Facts {

    private Facts() {
    }

    static Div row(String label, String id, String value) {
        Span l = new Span(label);
        l.addClassName("rc-field-label");
        Span v = new Span(value == null || value.isBlank() ? "—" : value);
        if (id != null) {
            v.setId(id);
        }
        v.addClassName("rc-field-value");
        Div row = new Div(l, v);
        row.addClassName("rc-field");
        return row;
    }
}
