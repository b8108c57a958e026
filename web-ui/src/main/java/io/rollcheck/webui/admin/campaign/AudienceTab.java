package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.tenantadmin.campaign.CampaignContent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Who the campaign is for: the cohort (录取年份), the levels, and groups left out (e.g. 预科生). */
class AudienceTab extends Div {

    static final List<String> LEVELS = List.of("专科", "本科", "硕士", "博士");

    private final IntegerField cohort = new IntegerField();
    private final CheckboxGroup<String> levels = new CheckboxGroup<>();
    private final TextField excluded = new TextField();

    AudienceTab(CampaignContent.Audience a, List<String> classLevels) {
        setId("audience-tab");
        CampaignContent.Audience v = a == null ? new CampaignContent.Audience(null, null, null) : a;
        cohort.setLabel(getTranslation("admin.audience.cohort"));
        cohort.setId("audience-cohort");
        cohort.setMin(1990);
        cohort.setMax(2100);
        cohort.setStepButtonsVisible(true);
        cohort.setValue(v.cohort());
        levels.setLabel(getTranslation("admin.audience.levels"));
        levels.setId("audience-levels");
        levels.setHelperText(getTranslation("admin.audience.levelsHelp"));
        LinkedHashSet<String> offered = new LinkedHashSet<>(LEVELS);
        offered.addAll(classLevels);
        List<String> current = v.levels() == null ? List.of() : v.levels();
        offered.addAll(current);
        levels.setItems(new ArrayList<>(offered));
        levels.setValue(new LinkedHashSet<>(current));
        excluded.setLabel(getTranslation("admin.audience.excluded"));
        excluded.setId("audience-excluded");
        excluded.setHelperText(getTranslation("admin.audience.excludedHelp"));
        excluded.setValue(Texts.join(this, v.excludedGroups()));
        excluded.setWidthFull();
        FormLayout form = new FormLayout(cohort, levels, excluded);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(excluded, 2);
        Div card = new Div(form);
        card.addClassName("rc-card");
        Paragraph help = new Paragraph(getTranslation("admin.audience.help"));
        help.addClassName("rc-secondary");
        add(help, card);
    }

    CampaignContent.Audience value() {
        List<String> chosen = new ArrayList<>();
        levels.getListDataView().getItems().filter(levels.getValue()::contains).forEach(chosen::add);
        return new CampaignContent.Audience(cohort.getValue(), chosen, Texts.split(excluded.getValue()));
    }
}
