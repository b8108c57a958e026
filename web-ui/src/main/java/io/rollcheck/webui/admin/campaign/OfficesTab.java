package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.tenantadmin.campaign.CampaignContent;

import io.rollcheck.platform.validation.FieldError;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Contact offices: name, location, phones, e-mail, hours and the fields each one handles (CHSI's hotline is one). */
class OfficesTab extends Div {

    private static final Pattern FIELD = Pattern.compile("^offices\\[(\\d+)]\\.(\\w+)");

    private final EditableList<OfficeRow> list = new EditableList<>("offices");

    OfficesTab(List<CampaignContent.Office> offices) {
        setId("offices-tab");
        Paragraph help = new Paragraph(getTranslation("admin.offices.help"));
        help.addClassName("rc-secondary");
        for (CampaignContent.Office o : offices == null ? List.<CampaignContent.Office>of() : offices) {
            list.add(new OfficeRow(o));
        }
        list.onChange(this::ids);
        Button add = new Button(getTranslation("admin.offices.add"), VaadinIcon.PLUS.create(),
                e -> list.add(new OfficeRow(new CampaignContent.Office("", null, null, null, null, null))));
        add.setId("offices-add");
        add(help, list, add);
        ids();
    }

    private void ids() {
        List<OfficeRow> rows = list.rows();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).ids("office-" + i);
        }
    }

    List<CampaignContent.Office> value() {
        return list.rows().stream().map(OfficeRow::value).toList();
    }

    /** Marks the fields a refused save names ({@code offices[1].phones[0]} → the phones of office 2). */
    void mark(List<FieldError> errors) {
        List<OfficeRow> rows = list.rows();
        rows.forEach(OfficeRow::clear);
        for (FieldError e : errors) {
            Matcher m = FIELD.matcher(e.field() == null ? "" : e.field());
            if (m.find() && Integer.parseInt(m.group(1)) < rows.size()) {
                rows.get(Integer.parseInt(m.group(1))).mark(m.group(2), getTranslation("error." + e.code()));
            }
        }
    }

    /** One office as a small form. */
    static class OfficeRow extends Div {

        private final TextField name = new TextField();
        private final TextField location = new TextField();
        private final TextField phones = new TextField();
        private final EmailField email = new EmailField();
        private final TextField hours = new TextField();
        private final MultiSelectComboBox<String> fields = new MultiSelectComboBox<>();

        OfficeRow(CampaignContent.Office o) {
            addClassNames("rc-card", "rc-office-row");
            name.setLabel(getTranslation("admin.offices.name"));
            name.setValue(Texts.orEmpty(o.name()));
            name.setRequiredIndicatorVisible(true);
            location.setLabel(getTranslation("admin.offices.location"));
            location.setValue(Texts.orEmpty(o.location()));
            phones.setLabel(getTranslation("admin.offices.phones"));
            phones.setHelperText(getTranslation("admin.list.separatorHelp"));
            phones.setValue(Texts.join(this, o.phones()));
            email.setLabel(getTranslation("admin.offices.email"));
            email.setValue(Texts.orEmpty(o.email()));
            hours.setLabel(getTranslation("admin.offices.hours"));
            hours.setValue(Texts.orEmpty(o.hours()));
            fields.setLabel(getTranslation("admin.offices.fields"));
            fields.setItems(Texts.fieldKeys());
            fields.setItemLabelGenerator(k -> Texts.field(this, k));
            fields.setValue(new LinkedHashSet<>(o.fields() == null ? List.of() : o.fields()));
            FormLayout form = new FormLayout(name, location, phones, email, hours, fields);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
            form.setColspan(fields, 2);
            add(form);
        }

        void ids(String id) {
            setId(id);
            name.setId(id + "-name");
            location.setId(id + "-location");
            phones.setId(id + "-phones");
            email.setId(id + "-email");
            hours.setId(id + "-hours");
            fields.setId(id + "-fields");
        }

        void clear() {
            name.setInvalid(false);
            phones.setInvalid(false);
            email.setInvalid(false);
        }

        void mark(String field, String message) {
            com.vaadin.flow.component.HasValidation f = switch (field) {
                case "name" -> name;
                case "phones" -> phones;
                case "email" -> email;
                default -> null;
            };
            if (f != null) {
                f.setErrorMessage(message);
                f.setInvalid(true);
            }
        }

        CampaignContent.Office value() {
            List<String> chosen = Texts.fieldKeys().stream().filter(fields.getValue()::contains).toList();
            return new CampaignContent.Office(name.getValue().strip(), Texts.blankToNull(location.getValue()),
                    Texts.split(phones.getValue()), Texts.blankToNull(email.getValue()), Texts.blankToNull(hours.getValue()),
                    chosen);
        }
    }
}
