package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;
import io.rollcheck.tenantadmin.campaign.CampaignContent;

import java.io.Serializable;
import java.util.List;

/**
 * {@code PAPER_EVIDENCE}: which documents to bring, to which office, by when; recording the answer
 * opens a paper report the office settles. The instructions stay on the field once it is recorded
 * ({@link #instructions}), so the student still knows what to do.
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
        add(instructions(this, field, evidence, offices, byWhen));
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

    /** What to bring, where and by when, as one read-only block. */
    static Component instructions(Component c, String field, List<String> evidence, List<CampaignContent.Office> offices,
                                  String byWhen) {
        String p = "paper-" + field;
        Markup m = new Markup();
        m.element("p", c.getTranslation("student.paper.intro"), "class", "rc-needs");
        if (!evidence.isEmpty()) {
            m.element("p", c.getTranslation("student.paper.bring")).open("ul", "id", p + "-documents");
            evidence.forEach(d -> m.element("li", d));
            m.close("ul");
        }
        if (!offices.isEmpty()) {
            m.element("p", c.getTranslation("student.paper.where")).open("div", "id", p + "-offices", "class", "rc-offices");
            Offices.write(m, c, offices, p + "-office");
            m.close("div");
        }
        if (byWhen != null && !byWhen.isBlank()) {
            m.element("p", c.getTranslation("student.paper.byWhen", byWhen), "id", p + "-by", "class", "rc-strong");
        }
        return m.html("div", "class", "rc-paper-instructions");
    }
}
