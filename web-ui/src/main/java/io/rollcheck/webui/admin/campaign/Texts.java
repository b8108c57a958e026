package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.Component;
import io.rollcheck.tenantadmin.campaign.ChecklistFields;
import io.rollcheck.tenantadmin.record.RecordField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small conversions between what a form shows and what the campaign content holds. */
final class Texts {

    private Texts() {
    }

    /** The field keys a checklist may name, in the record's order, then CHSI's own (status, photo). */
    static List<String> fieldKeys() {
        List<String> keys = new ArrayList<>();
        for (RecordField f : RecordField.values()) {
            keys.add(f.key());
        }
        for (String k : List.of("registrationStatus", "admissionPhoto")) {
            if (ChecklistFields.KEYS.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    static String field(Component c, String key) {
        String label = c.getTranslation("field." + key);
        return label.equals("field." + key) ? key : label;
    }

    /** A list typed on one line: parts separated by commas (either width), 、 or semicolons. */
    static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("[,，、;；\\n]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static String join(Component c, List<String> parts) {
        return parts == null ? "" : String.join(c.getTranslation("list.separator"), parts);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
