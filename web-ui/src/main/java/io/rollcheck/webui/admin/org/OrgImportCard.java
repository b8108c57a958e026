package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.rollcheck.tenantadmin.roster.RosterFileProblem;
import io.rollcheck.tenantadmin.roster.RosterFiles;
import io.rollcheck.tenantadmin.roster.RowError;
import io.rollcheck.webui.admin.AdminUpload;
import io.rollcheck.webui.admin.SpooledFile;

import java.util.List;
import java.util.Map;

/** One list import: upload → check (errors by row and column) → commit, or a clear message for a bad file. */
class OrgImportCard extends Div {

    /** What a check or a commit found, in the card's words. */
    record Outcome(int rows, int rejected, List<RowError> errors, boolean committed, String summary,
                   List<Map<String, String>> setupLinks) {
    }

    @FunctionalInterface
    interface Runner {
        Outcome run(SpooledFile file, boolean dryRun);
    }

    private final Runner runner;
    private final Runnable changed;
    private final Paragraph result = new Paragraph();
    private final Grid<RowError> errors = Forms.grid("import-errors", "");
    private final Button commit = new Button();
    private SpooledFile file;

    OrgImportCard(String id, String title, String help, Runner runner, Runnable changed) {
        this.runner = runner;
        this.changed = changed;
        setId("import-" + id);
        addClassNames("rc-card", "rc-form-card");
        H3 h = new H3(title);
        h.addClassName("rc-card-title");
        Paragraph p = new Paragraph(help);
        p.addClassName("rc-secondary");
        var upload = AdminUpload.create("import-" + id + "-upload", RosterFiles.MAX_BYTES, List.of(".csv", ".xlsx", ".txt"),
                this::received, text -> say(text, false));
        result.setId("import-" + id + "-result");
        result.getElement().setAttribute("role", "status");
        result.setVisible(false);
        errors.setId("import-" + id + "-errors");
        errors.addColumn(RowError::row).setHeader(getTranslation("admin.roster.col.row")).setWidth("4.5rem").setFlexGrow(0);
        errors.addColumn(RowError::message).setHeader(getTranslation("admin.roster.col.message"));
        errors.setVisible(false);
        commit.setText(getTranslation("admin.org.import.commit"));
        commit.setId("import-" + id + "-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setVisible(false);
        commit.addClickListener(e -> run(false));
        add(h, p, upload, result, errors, commit);
    }

    private void received(SpooledFile f) {
        release();
        file = f;
        run(true);
    }

    private void run(boolean dryRun) {
        if (file == null) {
            return;
        }
        try {
            Outcome o = runner.run(file, dryRun);
            boolean ok = o.errors().isEmpty();
            say(o.summary(), ok);
            errors.setItems(o.errors());
            errors.setVisible(!ok);
            errors.setAllRowsVisible(o.errors().size() <= 12);
            errors.setHeight(o.errors().size() <= 12 ? null : "24rem");
            commit.setVisible(dryRun && ok && o.rows() > 0);
            if (o.committed()) {
                release();
                changed.run();
                if (!o.setupLinks().isEmpty()) {
                    new SetupLinkDialog(getTranslation("admin.org.import.linksTitle", o.setupLinks().size()), o.setupLinks()).open();
                }
            }
        } catch (RosterFileProblem p) {
            say(getTranslation("problem.roster." + p.code()), false);
            errors.setVisible(false);
            commit.setVisible(false);
            release();
        }
    }

    private void say(String text, boolean ok) {
        result.setText(text);
        result.setClassName(ok ? "rc-success" : "rc-error");
        result.setVisible(true);
    }

    private void release() {
        if (file != null) {
            file.close();
            file = null;
        }
        commit.setVisible(false);
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        release();
        super.onDetach(event);
    }
}
