package io.rollcheck.webui.admin.roster;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.tenantadmin.roster.RosterFileProblem;
import io.rollcheck.tenantadmin.roster.RosterFiles;
import io.rollcheck.tenantadmin.roster.RosterHistory;
import io.rollcheck.tenantadmin.roster.RosterImport;
import io.rollcheck.webui.admin.AdminNav;
import io.rollcheck.webui.admin.AdminPage;
import io.rollcheck.webui.admin.AdminUpload;
import io.rollcheck.webui.admin.SpooledFile;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin/roster}: the registrar uploads the freshman roster (CSV or XLSX). Every file is
 * checked first (a dry run: counts and the first errors by row and column; unknown headers can be
 * mapped to record fields); only then is it committed, all or nothing. Large files run on a
 * background thread while the page polls for the rows read so far. The history lists every run.
 */
@Prototype
@Route(value = "admin/roster", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.TENANT_ADMIN)
class RosterView extends AdminPage {

    private static final Logger LOG = LoggerFactory.getLogger(RosterView.class);
    private static final int POLL_MS = 400;

    private final RosterImport imports;
    private final RosterHistory history;
    private final ImportJobs jobs;
    private final Checkbox createClasses = new Checkbox();
    private final Div progress = new Div();
    private final Paragraph progressText = new Paragraph();
    private final Paragraph problem = new Paragraph();
    private final RosterReport report = new RosterReport();
    private final HistoryGrid historyGrid;
    private SpooledFile file;
    private boolean running;
    private volatile boolean detached;

    RosterView(RosterImport imports, RosterHistory history, ImportJobs jobs, SignOut signOut) {
        super(signOut, AdminNav.Item.ROSTER, "admin.roster.title");
        this.imports = imports;
        this.history = history;
        this.jobs = jobs;
        Paragraph intro = new Paragraph(getTranslation("admin.roster.intro", RosterFiles.MAX_BYTES / (1024 * 1024)));
        intro.addClassName("rc-lead");
        Upload upload = AdminUpload.create("roster-upload", RosterFiles.MAX_BYTES, List.of(".csv", ".xlsx", ".xls", ".txt"),
                this::received, this::refused);
        createClasses.setLabel(getTranslation("admin.roster.createClasses"));
        createClasses.setId("roster-create-classes");
        createClasses.addValueChangeListener(e -> {
            if (e.isFromClient() && file != null) {
                run(false);
            }
        });
        Div uploadCard = new Div(upload, createClasses);
        uploadCard.addClassNames("rc-card", "rc-upload-card");

        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        progressText.setId("roster-progress-text");
        progress.add(progressText, bar);
        progress.setId("roster-progress");
        progress.addClassName("rc-card");
        progress.getElement().setAttribute("role", "status");
        progress.setVisible(false);
        problem.setId("roster-problem");
        problem.addClassNames("rc-card", "rc-alert");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        report.onRecheck(() -> run(false));
        report.onCommit(() -> run(true));

        historyGrid = new HistoryGrid(tenant.timeZone());
        H3 historyTitle = new H3(getTranslation("admin.roster.history"));
        historyTitle.addClassName("rc-section-title");
        content(heading("roster-title"), intro, uploadCard, problem, progress, report, historyTitle, historyGrid);
        historyGrid.show(history.list(tenant.context()));
    }

    private void received(SpooledFile f) {
        if (running) {
            f.close();
            return;
        }
        release();
        file = f;
        report.reset();
        run(false);
    }

    private void refused(String reason) {
        problem.setText(reason);
        problem.setVisible(true);
    }

    /** Runs a dry run ({@code commit} false) or the commit of the current file on a background thread. */
    private void run(boolean commit) {
        if (file == null || running) {
            return;
        }
        UI ui = UI.getCurrent();
        running = true;
        problem.setVisible(false);
        report.busy(true);
        progressText.setText(getTranslation(commit ? "admin.roster.committing" : "admin.roster.checking", file.fileName(), 0));
        progress.setVisible(true);
        ui.setPollInterval(POLL_MS);
        SpooledFile f = file;
        TenantContext t = tenant.context();
        String actor = user.username();
        String key = commit ? "admin.roster.committing" : "admin.roster.checking";
        RosterImport.Options options = new RosterImport.Options(!commit, createClasses.getValue(),
                Map.copyOf(report.mapping()), getLocale(),
                rows -> tell(ui, () -> progressText.setText(getTranslation(key, f.fileName(), rows))));
        jobs.submit(() -> {
            RosterImport.Report r = null;
            String failure = null;
            try {
                r = imports.run(t, actor, f.path(), f.fileName(), options);
            } catch (RosterFileProblem p) {
                failure = "problem.roster." + p.code();
            } catch (RuntimeException e) {
                LOG.warn("event=ui_roster_import_failed error={}", e.getClass().getSimpleName());
                failure = "admin.roster.failed";
            } finally {
                if (detached) {
                    f.close();
                }
            }
            RosterImport.Report result = r;
            String fail = failure;
            tell(ui, () -> finished(ui, result, fail, commit));
        });
    }

    private void finished(UI ui, RosterImport.Report r, String failure, boolean commit) {
        running = false;
        ui.setPollInterval(-1);
        progress.setVisible(false);
        report.busy(false);
        if (failure != null) {
            refused(getTranslation(failure));
            report.reset();
            release();
        } else {
            report.show(r, file == null ? "" : file.fileName(), commit);
            if (r.committed()) {
                release();
            }
        }
        historyGrid.show(history.list(tenant.context()));
    }

    private static void tell(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the page was left: nothing to show
        }
    }

    private void release() {
        if (file != null) {
            file.close();
            file = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        detached = false;
    }

    @Override
    protected void onDetach(DetachEvent event) {
        detached = true;
        if (!running) {
            release();
        }
        super.onDetach(event);
    }
}
