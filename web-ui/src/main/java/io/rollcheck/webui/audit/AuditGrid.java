package io.rollcheck.webui.audit;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.webui.site.Dates;

import java.util.ArrayList;
import java.util.List;

/**
 * Audit entries, newest first. On a desktop one column per field; on a phone a single column with
 * each entry as a small card (what, when, who, on what).
 */
class AuditGrid extends Composite<Grid<AuditLog.Entry>> {

    private static final int ALL_ROWS_UP_TO = 30;

    private final String zone;
    private final List<Grid.Column<AuditLog.Entry>> wide = new ArrayList<>();
    private final Grid.Column<AuditLog.Entry> narrow;

    AuditGrid(String zone) {
        this.zone = zone;
        Grid<AuditLog.Entry> grid = getContent();
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.addClassName("rc-audit-grid");
        wide.add(grid.addColumn(e -> "#" + e.id()).setHeader(getTranslation("audit.col.id")).setWidth("5.5rem").setFlexGrow(0));
        wide.add(grid.addColumn(e -> Dates.dateTime(e.at(), zone, getLocale())).setHeader(getTranslation("audit.col.at"))
                .setWidth("13.5rem").setFlexGrow(0));
        wide.add(grid.addColumn(AuditLog.Entry::actor).setHeader(getTranslation("audit.col.actor")).setWidth("8rem"));
        wide.add(grid.addComponentColumn(e -> new Div(new Div(label(e.action())), small(e.action())))
                .setHeader(getTranslation("audit.col.action")).setWidth("11rem").setFlexGrow(2));
        wide.add(grid.addColumn(e -> join(e.target(), e.detail())).setHeader(getTranslation("audit.col.target"))
                .setWidth("12rem").setFlexGrow(2));
        wide.add(grid.addColumn(AuditLog.Entry::ip).setHeader(getTranslation("audit.col.ip")).setWidth("8rem").setFlexGrow(0));
        narrow = grid.addComponentColumn(this::card).setHeader(getTranslation("audit.col.entry"));
        narrow.setVisible(false);
    }

    void compact(boolean compact) {
        wide.forEach(c -> c.setVisible(!compact));
        narrow.setVisible(compact);
    }

    /** Shows the entries; a long list scrolls inside the grid, a short one is shown whole. */
    void show(List<AuditLog.Entry> entries) {
        Grid<AuditLog.Entry> grid = getContent();
        boolean whole = entries.size() <= ALL_ROWS_UP_TO;
        grid.setAllRowsVisible(whole);
        grid.setHeight(whole ? null : "40rem");
        grid.setItems(entries);
    }

    private Div card(AuditLog.Entry e) {
        Div d = new Div(new Div(label(e.action())),
                small("#" + e.id() + " · " + Dates.dateTime(e.at(), zone, getLocale())),
                small(join(e.actor(), e.ip())));
        String what = join(e.target(), e.detail());
        if (!what.isEmpty()) {
            d.add(small(what));
        }
        d.addClassName("rc-audit-card");
        return d;
    }

    /** The action's name in the reader's language; the code itself when there is none. */
    private String label(String action) {
        String key = "audit.action." + action;
        String text = getTranslation(key);
        return text.equals(key) ? action : text;
    }

    private static String join(String a, String b) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[]{a, b}) {
            if (part != null && !part.isBlank()) {
                s.append(s.length() == 0 ? "" : " · ").append(part);
            }
        }
        return s.toString();
    }

    private static Div small(String text) {
        Div s = new Div(new Span(text));
        s.addClassName("rc-secondary");
        return s;
    }
}
