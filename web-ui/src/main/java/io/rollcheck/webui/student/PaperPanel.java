package io.rollcheck.webui.student;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;
import io.rollcheck.platform.campaign.CampaignContent;

import java.io.Serializable;
import java.util.List;

/**
 * {@code PAPER_EVIDENCE}: which documents to bring, to which office, by when; recording the answer
 * opens a paper report the office settles. Without {@code record}, only the instructions (after the
 * answer was recorded, so the student still knows what to do).
 */
final class PaperPanel extends CheckForm {

    interface Record extends Serializable {
        void record(PaperPanel panel, String correct, String reason);
    }

    PaperPanel(String field, List<String> evidence, List<CampaignContent.Office> offices, String byWhen, Record record,
               SerializableRunnable cancel) {
        super("paper-" + field);
        String p = "paper-" + field;
        addClassName("rc-paper");
        Paragraph intro = new Paragraph(getTranslation("student.paper.intro"));
        intro.addClassName("rc-needs");
        add(intro);
        if (!evidence.isEmpty()) {
            UnorderedList docs = new UnorderedList();
            docs.setId(p + "-documents");
            evidence.forEach(d -> docs.add(new ListItem(d)));
            add(new Paragraph(getTranslation("student.paper.bring")), docs);
        }
        if (!offices.isEmpty()) {
            Div where = new Div();
            where.setId(p + "-offices");
            where.addClassName("rc-offices");
            for (int i = 0; i < offices.size(); i++) {
                where.add(Offices.card(offices.get(i), p + "-office-" + i));
            }
            add(new Paragraph(getTranslation("student.paper.where")), where);
        }
        if (byWhen != null && !byWhen.isBlank()) {
            Paragraph by = new Paragraph(getTranslation("student.paper.byWhen", byWhen));
            by.setId(p + "-by");
            by.addClassName("rc-strong");
            add(by);
        }
        if (record == null) {
            return;
        }
        TextField correct = text("correct", p + "-correct", getTranslation("student.paper.correct"), 500);
        TextArea reason = area("reason", p + "-reason", getTranslation("student.paper.reason"));
        Button ok = new Button(getTranslation("student.paper.confirm"), e -> {
            clearErrors();
            record.record(this, correct.getValue().strip(), reason.getValue().strip());
        });
        ok.setId(p + "-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button no = new Button(getTranslation("student.cancel"), e -> cancel.run());
        no.setId(p + "-cancel");
        Div buttons = new Div(ok, no);
        buttons.addClassName("rc-buttons");
        add(correct, reason, buttons);
        addErrorLine();
    }
}
