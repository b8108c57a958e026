package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;

/** A record value as a person reads it: coded values (sex, ID document type) in words. */
final class Values {

    private Values() {
    }

    static String display(Component c, String field, String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        return switch (field) {
            case "sex" -> c.getTranslation("sex." + value);
            case "idType" -> c.getTranslation("idType." + value);
            default -> value;
        };
    }
}
