package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.CampaignContent.SignLevel;
import io.rollcheck.webui.site.DatePickers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sign-off chain after the student: class monitor (汇总人), counselor, college, registrar, in
 * that order; each level on or off, with its own deadline.
 */
class WorkflowTab extends Div {

    private final Map<SignLevel, Checkbox> enabled = new EnumMap<>(SignLevel.class);
    private final Map<SignLevel, DatePicker> deadlines = new EnumMap<>(SignLevel.class);

    WorkflowTab(List<CampaignContent.WorkflowStep> steps) {
        setId("workflow-tab");
        Paragraph help = new Paragraph(getTranslation("admin.workflow.help"));
        help.addClassName("rc-secondary");
        Div chain = new Div();
        chain.addClassNames("rc-card", "rc-chain");
        Span student = new Span(getTranslation("admin.workflow.student"));
        student.addClassName("rc-chain-first");
        chain.add(student);
        for (SignLevel level : SignLevel.values()) {
            CampaignContent.WorkflowStep s = (steps == null ? List.<CampaignContent.WorkflowStep>of() : steps).stream()
                    .filter(x -> x.level() == level).findFirst().orElse(new CampaignContent.WorkflowStep(level, false, null));
            Checkbox on = new Checkbox(getTranslation("sign." + level), s.enabled());
            on.setId("workflow-" + level + "-enabled");
            DatePicker date = new DatePicker(getTranslation("admin.workflow.deadline"));
            date.setId("workflow-" + level + "-deadline");
            date.setI18n(DatePickers.i18n(getLocale()));
            date.setClearButtonVisible(true);
            date.setValue(s.deadline());
            date.setEnabled(s.enabled());
            on.addValueChangeListener(e -> date.setEnabled(e.getValue()));
            Div step = new Div(on, date);
            step.addClassName("rc-chain-step");
            chain.add(step);
            enabled.put(level, on);
            deadlines.put(level, date);
        }
        add(help, chain);
    }

    List<CampaignContent.WorkflowStep> value() {
        List<CampaignContent.WorkflowStep> out = new ArrayList<>();
        for (SignLevel level : SignLevel.values()) {
            boolean on = enabled.get(level).getValue();
            out.add(new CampaignContent.WorkflowStep(level, on, on ? deadlines.get(level).getValue() : null));
        }
        return out;
    }
}
