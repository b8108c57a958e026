package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.rollcheck.tenantadmin.campaign.CampaignContent;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checklist: which fields of the record students check, in which order, each with the
 * university's note, the key-field flag, how an error is corrected and the evidence it needs.
 */
class ChecklistTab extends Div {

    private final EditableList<ChecklistRow> list = new EditableList<>("checklist");
    private final Select<String> more = new Select<>();
    private final Paragraph count = new Paragraph();

    ChecklistTab(List<CampaignContent.ChecklistItem> items) {
        setId("checklist-tab");
        Paragraph help = new Paragraph(getTranslation("admin.checklist.help"));
        help.addClassName("rc-secondary");
        count.setId("checklist-count");
        count.addClassName("rc-secondary");
        for (CampaignContent.ChecklistItem it : items == null ? List.<CampaignContent.ChecklistItem>of() : items) {
            list.add(new ChecklistRow(it));
        }
        list.onChange(this::refresh);
        more.setLabel(getTranslation("admin.checklist.addField"));
        more.setId("checklist-add-field");
        more.setItemLabelGenerator(k -> Texts.field(this, k));
        Button add = new Button(getTranslation("admin.checklist.add"), e -> {
            if (more.getValue() != null) {
                list.add(new ChecklistRow(new CampaignContent.ChecklistItem(more.getValue(), null, false,
                        CampaignContent.EditPolicy.ONLINE_REVIEW, null)));
            }
        });
        add.setId("checklist-add");
        HorizontalLayout adder = new HorizontalLayout(more, add);
        adder.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        adder.addClassName("rc-row-actions");
        Div addCard = new Div(adder);
        addCard.addClassName("rc-card");
        add(help, count, list, addCard);
        refresh();
    }

    private void refresh() {
        List<ChecklistRow> rows = list.rows();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).position(i);
        }
        Set<String> used = rows.stream().map(ChecklistRow::field).collect(Collectors.toSet());
        more.setItems(Texts.fieldKeys().stream().filter(k -> !used.contains(k)).toList());
        count.setText(getTranslation("admin.checklist.count", rows.size()));
    }

    List<CampaignContent.ChecklistItem> value() {
        return list.rows().stream().map(ChecklistRow::value).toList();
    }
}
