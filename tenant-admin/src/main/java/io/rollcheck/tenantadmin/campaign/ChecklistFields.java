package io.rollcheck.tenantadmin.campaign;

import io.rollcheck.tenantadmin.record.RecordField;

import java.util.LinkedHashSet;
import java.util.Set;

/** The field keys a checklist may name: the record's fields plus what only CHSI shows (status, photo). */
public final class ChecklistFields {

    public static final Set<String> KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>();
        for (RecordField f : RecordField.values()) {
            keys.add(f.key());
        }
        keys.add("registrationStatus");
        keys.add("admissionPhoto");
        KEYS = Set.copyOf(keys);
    }

    private ChecklistFields() {
    }
}
