package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.CampaignContent.EditPolicy;

import java.util.List;

/**
 * One checklist field, folded to a line ("3. 性别 · 关键 · 在线审核") and opened to edit its note,
 * key flag, correction policy and evidence.
 */
class ChecklistRow extends Div {

    private final String field;
    private final Span summary = new Span();
    private final Span keyBadge = new Span();
    private final Span policyText = new Span();
    private final Span noteText = new Span();
    private final Checkbox key = new Checkbox();
    private final Select<EditPolicy> policy = new Select<>();
    private final TextField note = new TextField();
    private final TextField evidence = new TextField();
    private int position;

    ChecklistRow(CampaignContent.ChecklistItem it) {
        this.field = it.field();
        addClassName("rc-checklist-row");
        key.setLabel(getTranslation("admin.checklist.key"));
        key.setValue(it.keyField());
        policy.setLabel(getTranslation("admin.checklist.policy"));
        policy.setItems(EditPolicy.values());
        policy.setItemLabelGenerator(p -> getTranslation("policy." + p));
        policy.setValue(it.policy() == null ? EditPolicy.ONLINE_REVIEW : it.policy());
        note.setLabel(getTranslation("admin.checklist.note"));
        note.setValue(Texts.orEmpty(it.note()));
        note.setMaxLength(500);
        note.setWidthFull();
        evidence.setLabel(getTranslation("admin.checklist.evidence"));
        evidence.setHelperText(getTranslation("admin.list.separatorHelp"));
        evidence.setValue(Texts.join(this, it.evidence()));
        evidence.setWidthFull();
        FormLayout form = new FormLayout(policy, key, note, evidence);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        form.setColspan(note, 2);
        form.setColspan(evidence, 2);
        keyBadge.setText(getTranslation("admin.checklist.keyBadge"));
        keyBadge.addClassNames("rc-badge", "rc-badge-key");
        policyText.addClassName("rc-secondary");
        noteText.addClassNames("rc-secondary", "rc-row-note");
        Div head = new Div(new Div(summary, keyBadge, policyText), noteText);
        head.addClassName("rc-row-summary");
        Details details = new Details(head, form);
        details.addClassName("rc-details");
        add(details);
        key.addValueChangeListener(e -> update());
        policy.addValueChangeListener(e -> update());
        note.addValueChangeListener(e -> update());
        update();
    }

    /** Called with the row's place in the list (0-based). */
    void position(int i) {
        position = i;
        String id = "checklist-" + i;
        setId(id);
        key.setId(id + "-key");
        policy.setId(id + "-policy");
        note.setId(id + "-note");
        evidence.setId(id + "-evidence");
        update();
    }

    private void update() {
        summary.setText((position + 1) + ". " + Texts.field(this, field));
        keyBadge.setVisible(key.getValue());
        policyText.setText(policy.getValue() == null ? "" : getTranslation("policy." + policy.getValue()));
        evidence.setVisible(policy.getValue() != EditPolicy.DIRECT);
        noteText.setText(note.getValue());
        noteText.setVisible(!note.getValue().isBlank());
    }

    String field() {
        return field;
    }

    CampaignContent.ChecklistItem value() {
        List<String> ev = policy.getValue() == EditPolicy.DIRECT ? List.of() : Texts.split(evidence.getValue());
        return new CampaignContent.ChecklistItem(field, Texts.blankToNull(note.getValue()), key.getValue(), policy.getValue(),
                ev.isEmpty() ? null : ev);
    }
}
