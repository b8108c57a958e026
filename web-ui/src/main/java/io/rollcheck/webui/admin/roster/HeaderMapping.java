package io.rollcheck.webui.admin.roster;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import io.rollcheck.tenantadmin.record.RecordField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping step: each header of the file that matches no record field gets a choice of field
 * (or "ignore this column"). Choices are kept across checks of the same file, so a mapped header
 * stays listed after it stops being unknown.
 */
class HeaderMapping extends Div {

    private static final String IGNORE = "";

    private final Map<String, String> chosen = new LinkedHashMap<>();
    private final FormLayout fields = new FormLayout();

    HeaderMapping() {
        setId("roster-mapping");
        addClassName("rc-mapping");
        Paragraph help = new Paragraph(getTranslation("admin.roster.mapping.help"));
        help.addClassName("rc-secondary");
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2),
                new FormLayout.ResponsiveStep("900px", 3));
        add(help, fields);
        setVisible(false);
    }

    /** Header → field key, for the headers given a field. */
    Map<String, String> value() {
        Map<String, String> m = new LinkedHashMap<>();
        chosen.forEach((h, f) -> {
            if (!IGNORE.equals(f)) {
                m.put(h, f);
            }
        });
        return m;
    }

    void clear() {
        chosen.clear();
        fields.removeAll();
        setVisible(false);
    }

    void show(List<String> unmapped, boolean done) {
        Set<String> headers = new LinkedHashSet<>(chosen.keySet());
        headers.addAll(unmapped);
        fields.removeAll();
        int i = 0;
        for (String header : headers) {
            fields.add(select(header, i++));
        }
        setVisible(!done && !headers.isEmpty());
    }

    private Select<String> select(String header, int index) {
        Select<String> s = new Select<>();
        s.setId("roster-map-" + index);
        s.setLabel(getTranslation("admin.roster.mapping.header", header));
        s.getElement().setAttribute("data-header", header);
        List<String> items = new ArrayList<>();
        items.add(IGNORE);
        for (RecordField f : RecordField.values()) {
            items.add(f.key());
        }
        s.setItems(items);
        s.setItemLabelGenerator(k -> IGNORE.equals(k) ? getTranslation("admin.roster.mapping.ignore")
                : getTranslation("field." + k));
        s.setValue(chosen.getOrDefault(header, IGNORE));
        s.addValueChangeListener(e -> chosen.put(header, e.getValue() == null ? IGNORE : e.getValue()));
        return s;
    }
}
