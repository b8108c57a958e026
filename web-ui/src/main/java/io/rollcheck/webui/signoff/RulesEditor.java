package io.rollcheck.webui.signoff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.reminders.Reminders;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The campaign's reminder rules: per level, days before the deadline, daily in the last days, the send
 * time, quiet hours and channels (in-app always; email; SMS). Saving replaces the rules.
 */
class RulesEditor extends Div {

    static final List<String> LEVELS = List.of("STUDENT", "CLASS_MONITOR", "COLLEGE");
    static final List<String> CHANNELS = List.of("IN_APP", "EMAIL", "SMS");

    private final Reminders reminders;
    private final Tenant tenant;
    private final long campaignId;
    private final Div rows = new Div();
    private final List<RuleRow> editors = new ArrayList<>();
    private final Paragraph status = new Paragraph();

    RulesEditor(Reminders reminders, Tenant tenant, long campaignId) {
        this.reminders = reminders;
        this.tenant = tenant;
        this.campaignId = campaignId;
        setId("cockpit-rules");
        addClassName("rc-card");
        status.setId("rules-status");
        status.setVisible(false);
        Button add = new Button(getTranslation("chain.rules.add"), e -> addRow(null));
        add.setId("rules-add");
        Button save = new Button(getTranslation("chain.rules.save"), e -> save());
        save.setId("rules-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div buttons = new Div(add, save);
        buttons.addClassName("rc-buttons");
        add(new H3(getTranslation("chain.rules.title")), rows, buttons, status);
        reminders.rules(tenant, campaignId).stream().filter(Reminders.Rule::enabled).forEach(this::addRow);
    }

    private void addRow(Reminders.Rule r) {
        RuleRow row = new RuleRow(editors.size() + 1, r);
        editors.add(row);
        rows.add(row);
    }

    private void save() {
        List<Reminders.Rule> rules = new ArrayList<>();
        for (RuleRow r : editors) {
            if (r.isAttached() && r.getParent().isPresent()) {
                Reminders.Rule rule = r.rule();
                if (rule == null) {
                    show("chain.rules.invalid", false);
                    return;
                }
                rules.add(rule);
            }
        }
        try {
            reminders.replace(tenant, campaignId, rules);
            show("chain.rules.saved", true);
        } catch (ValidationFailed v) {
            show("chain.rules.invalid", false);
        }
    }

    private void show(String key, boolean ok) {
        status.setText(getTranslation(key));
        status.setClassName(ok ? "rc-success" : "rc-error");
        status.setVisible(true);
    }

    /** One rule's fields. */
    private final class RuleRow extends Div {

        private final Select<String> level = new Select<>();
        private final TextField daysBefore = new TextField();
        private final IntegerField daily = new IntegerField();
        private final TimePicker sendAt = new TimePicker();
        private final TimePicker quietStart = new TimePicker();
        private final TimePicker quietEnd = new TimePicker();
        private final CheckboxGroup<String> channels = new CheckboxGroup<>();

        RuleRow(int n, Reminders.Rule r) {
            String p = "rule-" + n;
            setId(p);
            addClassName("rc-queue-item");
            level.setLabel(getTranslation("chain.rules.level"));
            level.setItems(LEVELS);
            level.setItemLabelGenerator(l -> getTranslation("chain.rules.level." + l));
            level.setId(p + "-level");
            daysBefore.setLabel(getTranslation("chain.rules.daysBefore"));
            daysBefore.setHelperText(getTranslation("chain.rules.daysBeforeHelp"));
            daysBefore.setId(p + "-days");
            daysBefore.setMaxLength(40);
            daily.setLabel(getTranslation("chain.rules.daily"));
            daily.setMin(0);
            daily.setMax(14);
            daily.setStepButtonsVisible(true);
            daily.setId(p + "-daily");
            sendAt.setLabel(getTranslation("chain.rules.sendAt"));
            sendAt.setId(p + "-send");
            quietStart.setLabel(getTranslation("chain.rules.quietStart"));
            quietStart.setId(p + "-quiet-start");
            quietEnd.setLabel(getTranslation("chain.rules.quietEnd"));
            quietEnd.setId(p + "-quiet-end");
            channels.setLabel(getTranslation("chain.rules.channels"));
            channels.setItems(CHANNELS);
            channels.setItemLabelGenerator(c -> getTranslation("chain.rules.channel." + c));
            channels.setId(p + "-channels");
            if (r != null) {
                level.setValue(r.level());
                daysBefore.setValue(String.join(",", r.daysBefore().stream().map(String::valueOf).toList()));
                daily.setValue(r.dailyLastDays());
                sendAt.setValue(LocalTime.parse(r.sendAt()));
                quietStart.setValue(LocalTime.parse(r.quietStart()));
                quietEnd.setValue(LocalTime.parse(r.quietEnd()));
                channels.setValue(new LinkedHashSet<>(r.channels()));
            } else {
                level.setValue("STUDENT");
                daysBefore.setValue("3");
                daily.setValue(3);
                sendAt.setValue(LocalTime.of(9, 0));
                quietStart.setValue(LocalTime.of(22, 0));
                quietEnd.setValue(LocalTime.of(8, 0));
                channels.setValue(new LinkedHashSet<>(List.of("IN_APP")));
            }
            Button remove = new Button(getTranslation("chain.rules.remove"), e -> rows.remove(this));
            remove.setId(p + "-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            FormLayout form = new FormLayout(level, daysBefore, daily, sendAt, quietStart, quietEnd, channels);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2),
                    new FormLayout.ResponsiveStep("900px", 3));
            add(form, remove);
        }

        /** The rule, or null when a field cannot be read. */
        Reminders.Rule rule() {
            List<Integer> days = new ArrayList<>();
            try {
                for (String s : daysBefore.getValue().split("[,，\\s]+")) {
                    if (!s.isBlank()) {
                        days.add(Integer.parseInt(s.strip()));
                    }
                }
            } catch (NumberFormatException e) {
                daysBefore.setInvalid(true);
                return null;
            }
            if (level.getValue() == null || daily.getValue() == null || sendAt.getValue() == null
                    || quietStart.getValue() == null || quietEnd.getValue() == null) {
                return null;
            }
            LinkedHashSet<String> ch = new LinkedHashSet<>(channels.getValue());
            ch.add("IN_APP");
            return new Reminders.Rule(null, level.getValue(), days, daily.getValue(), sendAt.getValue().toString(),
                    quietStart.getValue().toString(), quietEnd.getValue().toString(),
                    CHANNELS.stream().filter(ch::contains).toList(), true);
        }
    }
}
