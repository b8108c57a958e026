package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;

/** The pieces every organisation tab is made of: an "add" card with a responsive form, and a list. */
final class Forms {

    private Forms() {
    }

    static TextField text(Component c, String labelKey, String id, int maxLength) {
        TextField f = new TextField(c.getTranslation(labelKey));
        f.setId(id);
        f.setMaxLength(maxLength);
        f.setWidthFull();
        return f;
    }

    static FormLayout form(Component... fields) {
        FormLayout f = new FormLayout(fields);
        f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2),
                new FormLayout.ResponsiveStep("860px", 3));
        return f;
    }

    static Button add(Component c, String id, Runnable action) {
        Button b = new Button(c.getTranslation("admin.org.add"), e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    /** A card titled {@code titleKey} holding the form, its button and a line for messages. */
    static Div card(Component c, String titleKey, FormLayout form, Button button, Paragraph message) {
        H3 title = new H3(c.getTranslation(titleKey));
        title.addClassName("rc-card-title");
        message.setVisible(false);
        message.getElement().setAttribute("role", "status");
        Div card = new Div(title, form, button, message);
        card.addClassNames("rc-card", "rc-form-card");
        return card;
    }

    static void say(Paragraph p, String text, boolean ok) {
        p.setText(text);
        p.setClassName(ok ? "rc-success" : "rc-error");
        p.setVisible(true);
    }

    static void sayAll(Paragraph p, List<String> texts) {
        if (texts.isEmpty()) {
            p.setVisible(false);
        } else {
            say(p, String.join(" ", texts), false);
        }
    }

    static <T> Grid<T> grid(String id, String emptyText) {
        Grid<T> g = new Grid<>();
        g.setId(id);
        g.addClassName("rc-grid");
        g.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.setEmptyStateText(emptyText);
        g.setAllRowsVisible(true);
        return g;
    }

    /** A college's name in the reader's language (the Chinese one when there is no English name). */
    static String name(io.rollcheck.tenantadmin.org.Organisation.College c, java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && c.nameEn() != null && !c.nameEn().isBlank() ? c.nameEn() : c.nameZh();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
