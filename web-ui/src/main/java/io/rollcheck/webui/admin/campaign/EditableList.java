package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows the registrar orders and removes (checklist fields, offices, guide steps, FAQ entries): each
 * row has "up", "down" and "remove" buttons beside it; ids follow the position ({@code <id>-up-2}).
 */
class EditableList<R extends Component> extends Div {

    private final String id;
    private final List<R> rows = new ArrayList<>();
    private Runnable changed = () -> { };

    EditableList(String id) {
        this.id = id;
        setId(id);
        addClassName("rc-list");
    }

    void onChange(Runnable r) {
        changed = r;
    }

    void add(R row) {
        rows.add(row);
        render();
    }

    List<R> rows() {
        return List.copyOf(rows);
    }

    private void move(int i, int by) {
        int j = i + by;
        if (j >= 0 && j < rows.size()) {
            Collections.swap(rows, i, j);
            render();
        }
    }

    private void remove(int i) {
        rows.remove(i);
        render();
    }

    private void render() {
        removeAll();
        for (int i = 0; i < rows.size(); i++) {
            int at = i;
            Button up = button(VaadinIcon.ARROW_UP, "admin.list.up", id + "-up-" + i, () -> move(at, -1));
            up.setEnabled(i > 0);
            Button down = button(VaadinIcon.ARROW_DOWN, "admin.list.down", id + "-down-" + i, () -> move(at, 1));
            down.setEnabled(i < rows.size() - 1);
            Button remove = button(VaadinIcon.CLOSE_SMALL, "admin.list.remove", id + "-remove-" + i, () -> remove(at));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Div buttons = new Div(up, down, remove);
            buttons.addClassName("rc-list-buttons");
            Div item = new Div(rows.get(i), buttons);
            item.addClassName("rc-list-item");
            item.setId(id + "-item-" + i);
            add(item);
        }
        changed.run();
    }

    private Button button(VaadinIcon icon, String labelKey, String buttonId, Runnable action) {
        Button b = new Button(icon.create(), e -> action.run());
        b.setId(buttonId);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        b.setAriaLabel(getTranslation(labelKey));
        b.setTooltipText(getTranslation(labelKey));
        return b;
    }
}
