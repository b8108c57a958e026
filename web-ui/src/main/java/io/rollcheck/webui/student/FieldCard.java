package io.rollcheck.webui.student;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.rollcheck.platform.campaign.CampaignContent;
import io.rollcheck.platform.selfcheck.CheckState;
import io.rollcheck.platform.selfcheck.ErrorReports;
import io.rollcheck.platform.selfcheck.EvidenceFiles;
import io.rollcheck.platform.selfcheck.SelfCheck;

import java.io.Serializable;
import java.util.List;

/**
 * One checklist field: the university's value (masked when personal; the ID number can be shown in
 * full after the password), the university's note, 一致 / 不一致, and on 不一致 what the field's edit
 * policy asks for. The card calls no service: it hands what the student did to its view.
 */
final class FieldCard extends Div {

    /** What the card asks of its view, which calls the services and then {@link #show}s the new state. */
    interface Actions extends Serializable {
        void answer(FieldCard card, CheckForm form, SelfCheck.Answer answer);

        void report(FieldCard card, CheckForm form, ErrorReports.Input input, List<EvidenceFiles.Clean> files);

        void reveal(FieldCard card);
    }

    /** What every card needs of the campaign: its offices, the student deadline (as text) and whether answers are taken. */
    record Setting(List<CampaignContent.Office> offices, String deadline, boolean editable) implements Serializable {
    }

    private final CheckState.Field item;
    private final Setting setting;
    private final Actions actions;
    private final String label;
    private final Span badge = new Span();
    private final Span value = new Span();
    private final Button match = new Button();
    private final Button mismatch = new Button();
    private final Div panel = new Div();
    private Button reveal;
    private CheckState.Field current;
    private CheckState.Report report;

    FieldCard(CheckState.Field f, CheckState.Report report, Setting setting, Actions actions) {
        this.item = f;
        this.setting = setting;
        this.actions = actions;
        String p = "check-" + f.field();
        setId(p);
        addClassNames("rc-card", "rc-check");
        label = getTranslation("field." + f.field());
        H3 title = new H3(label);
        title.setId(p + "-label");
        Div head = new Div(title);
        head.addClassName("rc-check-head");
        if (f.keyField()) {
            Span key = new Span(getTranslation("student.check.key"));
            key.addClassNames("rc-badge", "rc-badge-key");
            key.getElement().setAttribute("title", getTranslation("student.check.keyHelp"));
            head.add(key);
        }
        badge.setId(p + "-state");
        head.add(badge);
        Span ours = new Span(getTranslation("student.check.ours"));
        ours.addClassName("rc-field-label");
        value.setId(p + "-value");
        value.addClassName("rc-check-value");
        Div valueRow = new Div(ours, value);
        valueRow.addClassName("rc-check-value-row");
        if ("idNumber".equals(f.field()) && f.personal() && f.value() != null) {
            reveal = new Button(getTranslation("student.reveal.button"), e -> actions.reveal(this));
            reveal.setId(p + "-reveal");
            reveal.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            valueRow.add(reveal);
        }
        add(head, valueRow);
        if (f.note() != null && !f.note().isBlank()) {
            Paragraph note = new Paragraph(f.note());
            note.setId(p + "-note");
            note.addClassName("rc-check-note");
            add(note);
        }
        match.setText(getTranslation("student.check.match"));
        match.setId(p + "-match");
        match.addClickListener(e -> actions.answer(this, null, new SelfCheck.Answer("MATCH", null, null, null)));
        mismatch.setText(getTranslation("student.check.mismatch"));
        mismatch.setId(p + "-mismatch");
        mismatch.addClickListener(e -> openForm());
        Div choice = new Div(match, mismatch);
        choice.addClassName("rc-check-choice");
        choice.getElement().setAttribute("role", "group");
        choice.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        panel.setId(p + "-panel");
        add(choice, panel);
        show(f, report);
    }

    String field() {
        return item.field();
    }

    /** Shows the field as the platform now has it; closes an open form. */
    void show(CheckState.Field f, CheckState.Report report) {
        this.current = f;
        this.report = report;
        boolean none = f.value() == null || f.value().isBlank();
        value.setText(none ? getTranslation("student.check.noValue") : Values.display(this, f.field(), f.value()));
        value.setClassName("rc-check-none", none);
        String state = f.answer() == null ? "none" : "MATCH".equals(f.answer()) ? "match"
                : "CORRECTED".equals(f.resolution()) ? "corrected" : "PAPER".equals(f.resolution()) ? "paper" : "reported";
        badge.setText(getTranslation("student.check.state." + state));
        badge.setClassName("rc-badge rc-badge-" + state);
        getElement().setAttribute("data-answer", f.answer() == null ? "" : f.answer());
        pressed(match, "MATCH".equals(f.answer()), ButtonVariant.LUMO_SUCCESS);
        pressed(mismatch, "MISMATCH".equals(f.answer()), ButtonVariant.LUMO_ERROR);
        match.setEnabled(setting.editable());
        mismatch.setEnabled(setting.editable());
        panel.removeAll();
        if ("corrected".equals(state)) {
            panel.add(note("student.check.corrected"));
        } else if ("paper".equals(state)) {
            panel.add(paper(null));
        } else if ("reported".equals(state) && report != null) {
            panel.add(note("student.check.reported", getTranslation("student.report.status." + report.status())));
            if (report.reviewerComment() != null) {
                panel.add(note("student.report.comment", report.reviewerComment()));
            }
        }
    }

    /** The full ID number, after the student proved it is him. */
    void revealed(String clear) {
        value.setText(clear);
        if (reveal != null) {
            reveal.setVisible(false);
        }
    }

    private void openForm() {
        panel.removeAll();
        String f = item.field();
        switch (item.policy()) {
            case DIRECT -> panel.add(new DirectForm(f, label,
                    (form, correct) -> actions.answer(this, form, new SelfCheck.Answer("MISMATCH", correct, null, null)),
                    this::closeForm));
            case ONLINE_REVIEW -> panel.add(new ReportForm(f, item.evidence(), live(),
                    (form, input, files) -> actions.report(this, form, input, files), this::closeForm));
            case PAPER_EVIDENCE -> panel.add(paper((form, correct, reason) ->
                    actions.answer(this, form, new SelfCheck.Answer("MISMATCH", correct, null, reason))));
        }
    }

    private PaperPanel paper(PaperPanel.Record record) {
        return new PaperPanel(item.field(), item.evidence(), Offices.forField(setting.offices(), item.field()),
                setting.deadline(), record, this::closeForm);
    }

    private CheckState.Report live() {
        return report != null && List.of("OPEN", "FORWARDED", "RETURNED").contains(report.status()) ? report : null;
    }

    private void closeForm() {
        show(current, report);
        mismatch.focus();
    }

    private Paragraph note(String key, Object... args) {
        Paragraph p = new Paragraph(getTranslation(key, args));
        p.addClassName("rc-check-result");
        return p;
    }

    private static void pressed(Button b, boolean on, ButtonVariant colour) {
        b.getElement().setAttribute("aria-pressed", String.valueOf(on));
        if (on) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, colour);
        } else {
            b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, colour);
        }
    }
}
