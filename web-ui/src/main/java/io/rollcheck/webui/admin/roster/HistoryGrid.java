package io.rollcheck.webui.admin.roster;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.rollcheck.tenantadmin.roster.RosterHistory;
import io.rollcheck.webui.admin.CompactGrid;
import io.rollcheck.webui.site.Dates;

import java.util.List;

/**
 * Every import run, newest first: who, when, which file, what it did (dry runs included). On a
 * phone one column of small cards.
 */
class HistoryGrid extends Composite<Grid<RosterHistory.Entry>> {

    private final String zone;

    HistoryGrid(String zone) {
        this.zone = zone;
        Grid<RosterHistory.Entry> g = getContent();
        g.setId("roster-history");
        g.addClassName("rc-grid");
        g.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.setEmptyStateText(getTranslation("admin.roster.history.empty"));
        g.addColumn(e -> Dates.dateTime(e.at(), zone, getLocale())).setHeader(getTranslation("admin.roster.col.at"))
                .setWidth("14.5rem").setFlexGrow(0);
        g.addColumn(RosterHistory.Entry::actor).setHeader(getTranslation("admin.roster.col.actor")).setWidth("6rem");
        g.addColumn(RosterHistory.Entry::fileName).setHeader(getTranslation("admin.roster.col.file")).setWidth("10rem")
                .setFlexGrow(2);
        g.addColumn(this::kind).setHeader(getTranslation("admin.roster.col.kind")).setWidth("5rem").setFlexGrow(0);
        g.addColumn(this::counts).setHeader(getTranslation("admin.roster.col.counts")).setWidth("14rem").setFlexGrow(3);
        CompactGrid.cards(g, getTranslation("admin.roster.col.entry"), e -> CompactGrid.card(e.fileName() + " · " + kind(e),
                Dates.dateTime(e.at(), zone, getLocale()) + " · " + e.actor(), counts(e)));
    }

    void show(List<RosterHistory.Entry> entries) {
        Grid<RosterHistory.Entry> g = getContent();
        g.setItems(entries);
        g.setAllRowsVisible(entries.size() <= 10);
        g.setHeight(entries.size() <= 10 ? null : "30rem");
    }

    private String kind(RosterHistory.Entry e) {
        return getTranslation(e.committed() ? "admin.roster.kind.commit" : "admin.roster.kind.dryRun");
    }

    /**
     * A check stores no would-be counts: it says how many rows it read and how many were wrong. A run
     * that read no row (a header without a required column, or nothing under the header) says so.
     */
    private String counts(RosterHistory.Entry e) {
        if (e.rows() == 0) {
            return getTranslation("admin.roster.history.noRows");
        }
        return e.committed()
                ? getTranslation("admin.roster.history.counts", e.rows(), e.created(), e.updated(), e.unchanged())
                : getTranslation("admin.roster.history.checked", e.rows(), e.rejected());
    }
}
