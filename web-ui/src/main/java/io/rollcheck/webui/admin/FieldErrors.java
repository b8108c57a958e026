package io.rollcheck.webui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.ValidationFailed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A service's field errors shown on the form's fields (words from {@code error.<code>}). */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    /**
     * Marks each field the failure names (its first error wins) and returns the translated messages
     * of errors that belong to no field of the form.
     */
    public static List<String> show(Component form, ValidationFailed failed, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        List<String> rest = new ArrayList<>();
        for (FieldError e : failed.errors()) {
            String text = form.getTranslation("error." + e.code());
            HasValidation f = fields.get(e.field());
            if (f == null) {
                rest.add(text);
            } else if (!f.isInvalid()) {
                f.setErrorMessage(text);
                f.setInvalid(true);
            }
        }
        return rest;
    }
}
