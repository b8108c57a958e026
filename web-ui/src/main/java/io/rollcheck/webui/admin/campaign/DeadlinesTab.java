package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.CampaignContent.LatePolicy;
import io.rollcheck.webui.site.DatePickers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The campaign's dates (each meaning the end of that day in the chosen time zone, the university's
 * by default): opens, the students' deadline, the class and college sign-off deadlines, closes; and
 * what happens to late work. Dates out of order are flagged at once; publishing refuses them.
 */
class DeadlinesTab extends Div {

    static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei");

    private final DatePicker opens = picker("opens");
    private final DatePicker student = picker("studentDeadline");
    private final DatePicker klass = picker("classDeadline");
    private final DatePicker college = picker("collegeDeadline");
    private final DatePicker closes = picker("closes");
    private final ComboBox<String> zone = new ComboBox<>();
    private final Select<LatePolicy> late = new Select<>();
    private final Paragraph order = new Paragraph();

    DeadlinesTab(CampaignContent.Deadlines d, String tenantZone) {
        setId("deadlines-tab");
        CampaignContent.Deadlines v = d == null ? new CampaignContent.Deadlines(null, null, null, null, null, null, null) : d;
        opens.setValue(v.opens());
        student.setValue(v.studentDeadline());
        klass.setValue(v.classDeadline());
        college.setValue(v.collegeDeadline());
        closes.setValue(v.closes());
        klass.setHelperText(getTranslation("admin.deadlines.optional"));
        college.setHelperText(getTranslation("admin.deadlines.optional"));
        zone.setLabel(getTranslation("admin.deadlines.timeZone"));
        zone.setId("deadlines-timeZone");
        List<String> zones = new ArrayList<>(ZONES);
        String current = v.timeZone() != null ? v.timeZone() : tenantZone != null ? tenantZone : ZONES.get(0);
        if (!zones.contains(current)) {
            zones.add(current);
        }
        zone.setItems(zones);
        zone.setItemLabelGenerator(z -> {
            String key = "zone." + z;
            String label = getTranslation(key);
            return label.equals(key) ? z : label;
        });
        zone.setValue(current);
        late.setLabel(getTranslation("admin.deadlines.latePolicy"));
        late.setId("deadlines-latePolicy");
        late.setItems(LatePolicy.values());
        late.setItemLabelGenerator(p -> getTranslation("late." + p));
        late.setValue(v.latePolicy() == null ? LatePolicy.REFUSE : v.latePolicy());
        FormLayout form = new FormLayout(opens, student, klass, college, closes, zone, late);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2),
                new FormLayout.ResponsiveStep("900px", 3));
        Paragraph help = new Paragraph(getTranslation("admin.deadlines.help"));
        help.addClassName("rc-secondary");
        order.setId("deadlines-order");
        order.addClassName("rc-error");
        Div card = new Div(form, order);
        card.addClassName("rc-card");
        add(help, card);
        for (DatePicker p : List.of(opens, student, klass, college, closes)) {
            p.addValueChangeListener(e -> checkOrder());
        }
        checkOrder();
    }

    private DatePicker picker(String key) {
        DatePicker p = new DatePicker(getTranslation("admin.deadlines." + key));
        p.setId("deadlines-" + key);
        p.setI18n(DatePickers.i18n(getLocale()));
        p.setClearButtonVisible(true);
        return p;
    }

    /** Tells at once when the dates run backwards (the same rule publishing applies). */
    private void checkOrder() {
        LocalDate last = null;
        boolean ok = true;
        for (DatePicker p : List.of(opens, student, klass, college, closes)) {
            if (p.getValue() != null) {
                if (last != null && p.getValue().isBefore(last)) {
                    ok = false;
                }
                last = p.getValue();
            }
        }
        order.setText(ok ? "" : getTranslation("error.publish.deadlineOrder"));
        order.setVisible(!ok);
    }

    CampaignContent.Deadlines value() {
        return new CampaignContent.Deadlines(opens.getValue(), student.getValue(), klass.getValue(), college.getValue(),
                closes.getValue(), zone.getValue(), late.getValue());
    }
}
