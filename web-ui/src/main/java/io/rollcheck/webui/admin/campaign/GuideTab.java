package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.tenantadmin.campaign.CampaignContent;

import java.util.List;

/** The step-by-step CHSI guide: ordered steps, each a title and a text. */
class GuideTab extends Div {

    private final EditableList<StepRow> list = new EditableList<>("guide");

    GuideTab(List<CampaignContent.GuideStep> steps) {
        setId("guide-tab");
        Paragraph help = new Paragraph(getTranslation("admin.guide.help"));
        help.addClassName("rc-secondary");
        for (CampaignContent.GuideStep s : steps == null ? List.<CampaignContent.GuideStep>of() : steps) {
            list.add(new StepRow(s));
        }
        list.onChange(this::ids);
        Button add = new Button(getTranslation("admin.guide.add"), VaadinIcon.PLUS.create(),
                e -> list.add(new StepRow(new CampaignContent.GuideStep("", ""))));
        add.setId("guide-add");
        add(help, list, add);
        ids();
    }

    private void ids() {
        List<StepRow> rows = list.rows();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).ids("guide-" + i, i);
        }
    }

    List<CampaignContent.GuideStep> value() {
        return list.rows().stream().map(StepRow::value).filter(s -> !s.title().isBlank() || !s.text().isBlank()).toList();
    }

    /** One step. */
    static class StepRow extends Div {

        private final TextField title = new TextField();
        private final TextArea text = new TextArea();

        StepRow(CampaignContent.GuideStep s) {
            addClassNames("rc-card", "rc-step-row");
            title.setValue(Texts.orEmpty(s.title()));
            title.setMaxLength(200);
            title.setWidthFull();
            text.setLabel(getTranslation("admin.guide.text"));
            text.setValue(Texts.orEmpty(s.text()));
            text.setMaxLength(2000);
            text.setWidthFull();
            add(title, text);
        }

        void ids(String id, int i) {
            setId(id);
            title.setId(id + "-title");
            text.setId(id + "-text");
            title.setLabel(getTranslation("admin.guide.title", i + 1));
        }

        CampaignContent.GuideStep value() {
            return new CampaignContent.GuideStep(title.getValue().strip(), text.getValue().strip());
        }
    }
}
