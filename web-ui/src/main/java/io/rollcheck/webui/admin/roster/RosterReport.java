package io.rollcheck.webui.admin.roster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.rollcheck.tenantadmin.roster.RosterImport;
import io.rollcheck.tenantadmin.roster.RowError;

import java.util.Map;

/**
 * What a dry run found (or a commit did): the counts, the first errors by row and column, the
 * mapping of unknown headers, the classes that would be created, and the buttons to check again
 * or to commit. Commit is offered only for a clean dry run.
 */
class RosterReport extends Div {

    private final H3 title = new H3();
    private final Div stats = new Div();
    private final Paragraph verdict = new Paragraph();
    private final Paragraph missingClasses = new Paragraph();
    private final HeaderMapping mapping = new HeaderMapping();
    private final Grid<RowError> errors = new Grid<>();
    private final Button recheck = new Button();
    private final Button commit = new Button();

    RosterReport() {
        setId("roster-report");
        addClassName("rc-card");
        title.setId("roster-report-title");
        title.addClassName("rc-card-title");
        stats.setId("roster-counts");
        stats.addClassName("rc-stats");
        verdict.setId("roster-verdict");
        verdict.getElement().setAttribute("role", "status");
        missingClasses.setId("roster-missing-classes");
        missingClasses.addClassName("rc-secondary");
        errors.setId("roster-errors");
        errors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        errors.addColumn(RowError::row).setHeader(getTranslation("admin.roster.col.row")).setWidth("4.5rem").setFlexGrow(0);
        errors.addColumn(RowError::column).setHeader(getTranslation("admin.roster.col.column")).setWidth("7rem").setFlexGrow(0);
        errors.addColumn(RowError::message).setHeader(getTranslation("admin.roster.col.message")).setFlexGrow(1);
        io.rollcheck.webui.admin.CompactGrid.cards(errors, getTranslation("admin.roster.col.message"),
                e -> io.rollcheck.webui.admin.CompactGrid.card(e.message()));
        recheck.setText(getTranslation("admin.roster.recheck"));
        recheck.setId("roster-recheck");
        commit.setText(getTranslation("admin.roster.commit"));
        commit.setId("roster-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(commit, recheck);
        buttons.addClassName("rc-row-actions");
        add(title, stats, verdict, missingClasses, errors, mapping, buttons);
        setVisible(false);
    }

    void onRecheck(Runnable r) {
        recheck.addClickListener(e -> r.run());
    }

    void onCommit(Runnable r) {
        commit.addClickListener(e -> r.run());
    }

    Map<String, String> mapping() {
        return mapping.value();
    }

    void busy(boolean busy) {
        recheck.setEnabled(!busy);
        commit.setEnabled(!busy && Boolean.parseBoolean(commit.getElement().getAttribute("data-ready")));
    }

    /** Forgets the last file: no report, no mapping. */
    void reset() {
        mapping.clear();
        setVisible(false);
    }

    void show(RosterImport.Report r, String fileName, boolean commitRun) {
        title.setText(getTranslation(r.committed() ? "admin.roster.report.committed" : "admin.roster.report.checked", fileName));
        stats.removeAll();
        stats.add(stat("rows", r.rows()), stat("created", r.created()), stat("updated", r.updated()),
                stat("unchanged", r.unchanged()), stat("rejected", r.rejected()));
        stats.setVisible(r.rows() > 0);
        boolean ready = !r.committed() && r.rejected() == 0 && r.errors().isEmpty() && r.rows() > 0;
        verdict.setClassName("rc-verdict");
        if (r.committed()) {
            verdict.setText(getTranslation("admin.roster.verdict.committed", r.created(), r.updated(), r.unchanged()));
            verdict.addClassName("rc-success");
        } else if (r.rows() == 0 && !r.errors().isEmpty()) {
            verdict.setText(getTranslation("admin.roster.verdict.columns"));
            verdict.addClassName("rc-alert");
        } else if (!r.errors().isEmpty()) {
            verdict.setText(getTranslation(commitRun ? "admin.roster.verdict.commitRefused" : "admin.roster.verdict.errors",
                    r.rejected(), r.errors().size()));
            verdict.addClassName("rc-alert");
        } else if (r.rows() == 0) {
            verdict.setText(getTranslation("admin.roster.verdict.empty"));
            verdict.addClassName("rc-alert");
        } else {
            verdict.setText(getTranslation(r.created() + r.updated() == 0 ? "admin.roster.verdict.nothingNew"
                    : "admin.roster.verdict.ready", r.created(), r.updated()));
            verdict.addClassName("rc-success");
        }
        missingClasses.setVisible(!r.missingClasses().isEmpty());
        missingClasses.setText(getTranslation("admin.roster.missingClasses",
                String.join(getTranslation("list.separator"), r.missingClasses())));
        mapping.show(r.unmappedHeaders(), r.committed());
        errors.setItems(r.errors());
        errors.setVisible(!r.errors().isEmpty());
        errors.setAllRowsVisible(r.errors().size() <= 12);
        errors.setHeight(r.errors().size() <= 12 ? null : "28rem");
        commit.getElement().setAttribute("data-ready", String.valueOf(ready));
        commit.setEnabled(ready);
        commit.setVisible(!r.committed());
        recheck.setVisible(!r.committed());
        setVisible(true);
    }

    private Div stat(String what, int n) {
        Span number = new Span(String.format(getLocale(), "%,d", n));
        number.addClassName("rc-stat-number");
        Span label = new Span(getTranslation("admin.roster.count." + what));
        label.addClassName("rc-stat-label");
        Div d = new Div(number, label);
        d.setId("roster-count-" + what);
        d.addClassNames("rc-stat", "rc-stat-" + what);
        return d;
    }
}
