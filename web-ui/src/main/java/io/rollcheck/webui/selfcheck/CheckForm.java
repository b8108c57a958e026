package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.HashMap;
import java.util.Map;

/**
 * A form of the self-check (what a student fills in after 不一致, by the field's edit policy; an account
 * problem). Each input is registered under the name the platform's field errors use ({@code correct},
 * {@code shown}, {@code reason}), so a refusal is shown under the input it concerns; anything else
 * under the form.
 */
class CheckForm extends Div {

    private final Map<String, HasValidation> inputs = new HashMap<>();
    private final Paragraph error = new Paragraph();

    CheckForm(String id) {
        setId(id);
        addClassName("rc-mismatch");
        error.setId(id + "-error");
        error.addClassName("rc-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
    }

    /** Adds the general error line (call last, so it sits under the inputs). */
    protected void addErrorLine() {
        add(error);
    }

    protected TextField text(String name, String id, String label, int max) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setMaxLength(max);
        f.setWidthFull();
        inputs.put(name, f);
        return f;
    }

    protected TextArea area(String name, String id, String label) {
        TextArea f = new TextArea(label);
        f.setId(id);
        f.setMaxLength(500);
        f.setWidthFull();
        inputs.put(name, f);
        return f;
    }

    /** Shows a refusal under the input named {@code field}, or under the form. */
    void error(String field, String message) {
        HasValidation input = inputs.get(field);
        if (input == null) {
            error.setText(message);
            error.setVisible(true);
            return;
        }
        input.setErrorMessage(message);
        input.setInvalid(true);
        if (input instanceof com.vaadin.flow.component.Focusable<?> f) {
            f.focus();
        }
    }

    /** Clears the errors of the last attempt. */
    void clearErrors() {
        inputs.values().forEach(i -> i.setInvalid(false));
        error.setVisible(false);
    }
}
