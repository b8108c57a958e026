package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.EvidenceFiles;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;

import java.io.Serializable;
import java.util.List;

/**
 * One checklist field: the university's value (masked when personal; the ID number can be shown in
 * full after the password), the university's note, 一致 / 不一致, and on 不一致 what the field's edit
 * policy asks for. The card calls no service: it hands what the student did to its view.
 *
 * <p>Thousands of students hold this page open near a deadline, so what does not take input is one
 * block of markup with plain buttons (one listener on the card reads which was pressed), not a tree
 * of server-side components; only an open form is made of components.
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

    private static final String MATCH = "MATCH";
    private static final String MISMATCH = "MISMATCH";
    private static final String REVEAL = "reveal";

    private final CheckState.Field item;
    private final Setting setting;
    private final Actions actions;
    private final String p;
    private Component facts;
    private Component panel;
    private boolean revealable;
    private String clear;
    private CheckState.Field current;
    private CheckState.Report report;

    FieldCard(CheckState.Field f, CheckState.Report report, Setting setting, Actions actions) {
        this.item = f;
        this.setting = setting;
        this.actions = actions;
        this.p = "check-" + f.field();
        this.revealable = "idNumber".equals(f.field()) && f.personal() && f.value() != null;
        setId(p);
        addClassNames("rc-card", "rc-check");
        getElement().addEventListener("click", e -> pressed(e.getEventData().getString("event.target.dataset.act")))
                .addEventData("event.target.dataset.act")
                .setFilter("event.target.localName === 'button' && !!event.target.dataset.act");
        show(f, report);
    }

    String field() {
        return item.field();
    }

    /** Shows the field as the platform now has it; closes an open form. */
    void show(CheckState.Field f, CheckState.Report report) {
        this.current = f;
        this.report = report;
        String state = stateOf(f);
        replaceFacts(state);
        getElement().setAttribute("data-answer", f.answer() == null ? "" : f.answer());
        switch (state) {
            case "corrected" -> panel(result(getTranslation("student.check.corrected")));
            case "paper" -> panel(PaperPanel.instructions(this, f.field(), f.evidence(),
                    Offices.forField(setting.offices(), f.field()), setting.deadline()));
            case "reported" -> panel(report == null ? null : result(getTranslation("student.check.reported",
                    getTranslation("student.report.status." + report.status())), report.reviewerComment() == null ? null
                    : getTranslation("student.report.comment", report.reviewerComment())));
            default -> panel(null);
        }
    }

    /** The full ID number, after the student proved it is him. */
    void revealed(String value) {
        this.clear = value;
        this.revealable = false;
        replaceFacts(stateOf(current));
    }

    /** Moves the keyboard focus back to a button of the card after it was drawn again. */
    void focus(String act) {
        getElement().executeJs("const b = this.querySelector('button[data-act=\"' + $0 + '\"]'); if (b) b.focus();", act);
    }

    private void pressed(String act) {
        if (REVEAL.equals(act) && revealable) {
            actions.reveal(this);
        } else if (setting.editable() && MATCH.equals(act)) {
            actions.answer(this, null, new SelfCheck.Answer(MATCH, null, null, null));
        } else if (setting.editable() && MISMATCH.equals(act)) {
            openForm();
        }
    }

    private static String stateOf(CheckState.Field f) {
        return f.answer() == null ? "none" : MATCH.equals(f.answer()) ? "match"
                : "CORRECTED".equals(f.resolution()) ? "corrected" : "PAPER".equals(f.resolution()) ? "paper" : "reported";
    }

    /** Label, key-field mark, state, the university's value, the note and the two answers: one block. */
    private void replaceFacts(String state) {
        CheckState.Field f = current;
        boolean none = f.value() == null || f.value().isBlank();
        Markup m = new Markup();
        m.open("div", "class", "rc-check-head").element("h3", getTranslation("field." + f.field()), "id", p + "-label");
        if (f.keyField()) {
            m.element("span", getTranslation("student.check.key"), "class", "rc-badge rc-badge-key",
                    "title", getTranslation("student.check.keyHelp"));
        }
        m.element("span", getTranslation("student.check.state." + state), "id", p + "-state",
                        "class", "rc-badge rc-badge-" + state)
                .close("div")
                .open("div", "class", "rc-check-value-row")
                .element("span", getTranslation("student.check.ours"), "class", "rc-field-label")
                .element("span", none ? getTranslation("student.check.noValue")
                                : clear != null ? clear : Values.display(this, f.field(), f.value()), "id", p + "-value",
                        "class", none ? "rc-check-value rc-check-none" : "rc-check-value");
        if (revealable) {
            m.element("button", getTranslation("student.reveal.button"), "type", "button", "id", p + "-reveal",
                    "class", "rc-link-button", "data-act", REVEAL);
        }
        m.close("div");
        if (f.note() != null && !f.note().isBlank()) {
            m.element("p", f.note(), "id", p + "-note", "class", "rc-check-note");
        }
        String disabled = setting.editable() ? null : "";
        m.open("div", "class", "rc-check-choice", "role", "group", "aria-labelledby", p + "-label")
                .element("button", getTranslation("student.check.match"), "type", "button", "id", p + "-match",
                        "data-act", MATCH, "aria-pressed", String.valueOf(MATCH.equals(f.answer())), "disabled", disabled,
                        "class", MATCH.equals(f.answer()) ? "rc-choice rc-choice-match" : "rc-choice")
                .element("button", getTranslation("student.check.mismatch"), "type", "button", "id", p + "-mismatch",
                        "data-act", MISMATCH, "aria-pressed", String.valueOf(MISMATCH.equals(f.answer())),
                        "disabled", disabled,
                        "class", MISMATCH.equals(f.answer()) ? "rc-choice rc-choice-mismatch" : "rc-choice")
                .close("div");
        Component next = m.html("div", "class", "rc-check-facts");
        if (facts != null) {
            remove(facts);
        }
        addComponentAsFirst(next);
        facts = next;
    }

    private void panel(Component content) {
        if (panel != null) {
            remove(panel);
        }
        panel = content;
        if (content != null) {
            add(content);
        }
    }

    private void openForm() {
        String f = item.field();
        panel(switch (item.policy()) {
            case DIRECT -> new DirectForm(f, getTranslation("field." + f),
                    (form, correct) -> actions.answer(this, form, new SelfCheck.Answer(MISMATCH, correct, null, null)),
                    this::closeForm);
            case ONLINE_REVIEW -> new ReportForm(f, item.evidence(), live(),
                    (form, input, files) -> actions.report(this, form, input, files), this::closeForm);
            case PAPER_EVIDENCE -> new PaperPanel(f, item.evidence(), Offices.forField(setting.offices(), f),
                    setting.deadline(), (form, correct, reason) ->
                    actions.answer(this, form, new SelfCheck.Answer(MISMATCH, correct, null, reason)), this::closeForm);
        });
    }

    private CheckState.Report live() {
        return report != null && List.of("OPEN", "FORWARDED", "RETURNED").contains(report.status()) ? report : null;
    }

    private void closeForm() {
        show(current, report);
        focus(MISMATCH);
    }

    private Component result(String... lines) {
        Markup m = new Markup();
        for (String line : lines) {
            if (line != null) {
                m.element("p", line, "class", "rc-check-result");
            }
        }
        return m.html("div", "id", p + "-result");
    }
}
