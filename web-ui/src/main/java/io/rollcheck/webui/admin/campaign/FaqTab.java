package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.tenantadmin.campaign.CampaignContent;

import java.util.List;

/** Troubleshooting entries (常见问题): question, answer, and keywords that help students find them. */
class FaqTab extends Div {

    private final EditableList<FaqRow> list = new EditableList<>("faq");

    FaqTab(List<CampaignContent.FaqEntry> entries) {
        setId("faq-tab");
        Paragraph help = new Paragraph(getTranslation("admin.faq.help"));
        help.addClassName("rc-secondary");
        for (CampaignContent.FaqEntry f : entries == null ? List.<CampaignContent.FaqEntry>of() : entries) {
            list.add(new FaqRow(f));
        }
        list.onChange(this::ids);
        Button add = new Button(getTranslation("admin.faq.add"), VaadinIcon.PLUS.create(),
                e -> list.add(new FaqRow(new CampaignContent.FaqEntry("", "", null))));
        add.setId("faq-add");
        add(help, list, add);
        ids();
    }

    private void ids() {
        List<FaqRow> rows = list.rows();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).ids("faq-" + i);
        }
    }

    List<CampaignContent.FaqEntry> value() {
        return list.rows().stream().map(FaqRow::value).filter(f -> !f.question().isBlank() || !f.answer().isBlank()).toList();
    }

    /** One question and its answer. */
    static class FaqRow extends Div {

        private final TextField question = new TextField();
        private final TextArea answer = new TextArea();
        private final TextField keywords = new TextField();

        FaqRow(CampaignContent.FaqEntry f) {
            addClassNames("rc-card", "rc-faq-row");
            question.setLabel(getTranslation("admin.faq.question"));
            question.setValue(Texts.orEmpty(f.question()));
            question.setMaxLength(300);
            question.setWidthFull();
            answer.setLabel(getTranslation("admin.faq.answer"));
            answer.setValue(Texts.orEmpty(f.answer()));
            answer.setMaxLength(3000);
            answer.setWidthFull();
            keywords.setLabel(getTranslation("admin.faq.keywords"));
            keywords.setHelperText(getTranslation("admin.list.separatorHelp"));
            keywords.setValue(Texts.join(this, f.keywords()));
            keywords.setWidthFull();
            add(question, answer, keywords);
        }

        void ids(String id) {
            setId(id);
            question.setId(id + "-question");
            answer.setId(id + "-answer");
            keywords.setId(id + "-keywords");
        }

        CampaignContent.FaqEntry value() {
            List<String> k = Texts.split(keywords.getValue());
            return new CampaignContent.FaqEntry(question.getValue().strip(), answer.getValue().strip(), k.isEmpty() ? null : k);
        }
    }
}
