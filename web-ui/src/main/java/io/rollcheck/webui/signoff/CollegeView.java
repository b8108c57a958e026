package io.rollcheck.webui.signoff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.security.Access;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.tenantadmin.signoff.CampaignProgress;
import io.rollcheck.tenantadmin.signoff.ClassDesk;
import io.rollcheck.tenantadmin.signoff.SignOffs;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.PasswordPrompt;
import io.rollcheck.webui.site.Reauth;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /college?id=}: college staff (or the registrar) follow the college's classes (completion,
 * overdue ones marked), review its error reports (forward to the registrar, or return with a reason),
 * download the XLSX list and the ZIP of class sheets, and sign for the college.
 */
@Prototype
@Route(value = "college", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed({Roles.COLLEGE_STAFF, Roles.TENANT_ADMIN})
class CollegeView extends ChainPage implements BeforeEnterObserver {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SignOffs signOffs;
    private final ClassDesk desk;
    private final Access access;
    private final transient Reauth reauth;
    private final CampaignProgress progress;
    private final ErrorReports reports;
    private List<ClassDesk.Unit> colleges = List.of();

    CollegeView(SignOffs signOffs, ClassDesk desk, Access access, Reauth reauth, CampaignProgress progress,
                ErrorReports reports, SignOut signOut) {
        super(signOut);
        this.signOffs = signOffs;
        this.desk = desk;
        this.access = access;
        this.reauth = reauth;
        this.progress = progress;
        this.reports = reports;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        colleges = desk.colleges(tenant.context(), user.principal());
        List<String> id = event.getLocation().getQueryParameters().getParameters().get("id");
        long collegeId;
        if (id != null && !id.isEmpty()) {
            try {
                collegeId = Long.parseLong(id.get(0));
                access.requireCollege(tenant.context(), user.principal(), collegeId);
            } catch (NumberFormatException | NotFound e) {
                throw new NotFoundException();
            }
        } else if (!colleges.isEmpty()) {
            collegeId = colleges.get(0).id();
        } else {
            throw new NotFoundException();
        }
        show(collegeId);
    }

    private void show(long collegeId) {
        Optional<PublishedCampaign> campaign = unitPage("college", colleges, collegeId, signOffs);
        if (campaign.isEmpty()) {
            return;
        }
        PublishedCampaign pc = campaign.get();
        CampaignProgress.View view = progress.view(tenant.context(), pc);
        String name = colleges.stream().filter(u -> u.id() == collegeId).map(ClassDesk.Unit::name).findFirst().orElse("");
        Set<Long> mine = desk.classes(tenant.context(), user.principal()).stream()
                .filter(u -> u.collegeId() != null && u.collegeId() == collegeId).map(ClassDesk.Unit::id).collect(Collectors.toSet());
        CampaignProgress.Unit total = view.colleges().stream().filter(u -> u.id() == collegeId).findFirst().orElse(null);
        if (total != null) {
            content(note("college-summary", getTranslation("chain.summary", name, total.signed(), total.students()), "rc-card"));
        }
        content(classes(view, mine), queue(pc, collegeId));
        Div downloads = new Div(
                download("college-xlsx", getTranslation("chain.college.xlsx"), "reports-college-" + collegeId + ".xlsx", XLSX,
                        () -> desk.collegeReportsXlsx(tenant.context(), user.principal(), pc, collegeId, getLocale())),
                download("college-zip", getTranslation("chain.college.zip"), "sheets-college-" + collegeId + ".zip", "application/zip",
                        () -> signOffs.collegeSheets(tenant.context(), tenant.name(getLocale()), pc, collegeId, getLocale(), tenant.zone())));
        downloads.addClassName("rc-buttons");
        content(downloads, signing(pc, collegeId, total));
    }

    private Div classes(CampaignProgress.View view, Set<Long> mine) {
        List<List<String>> rows = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        List<CampaignProgress.Unit> units = view.classes().stream().filter(u -> mine.contains(u.id())).toList();
        for (CampaignProgress.Unit u : units) {
            rows.add(List.of(u.name(), Percent.of(u.rate()), u.signed() + " / " + u.students(),
                    u.signedOffAt() != null ? Percent.at(u.signedOffAt(), tenant.timeZone(), getLocale())
                            : getTranslation(u.overdue() ? "chain.college.overdue" : "chain.college.notYet")));
            marks.add(u.overdue() ? "rc-overdue" : null);
        }
        Div card = new Div(new H3(getTranslation("chain.college.classes")),
                table("college-classes", List.of(getTranslation("chain.college.class"), getTranslation("chain.college.rate"),
                        getTranslation("chain.roll.signed"), getTranslation("chain.college.signedOff")), rows, marks));
        Div links = new Div();
        links.addClassName("rc-buttons");
        for (CampaignProgress.Unit u : units) {
            Anchor a = new Anchor("/class?id=" + u.id(), u.name());
            a.setId("college-class-" + u.id());
            links.add(a);
        }
        card.add(links);
        card.addClassName("rc-card");
        return card;
    }

    private Div queue(PublishedCampaign pc, long collegeId) {
        Div card = new Div(new H3(getTranslation("chain.college.queue")));
        card.setId("college-queue");
        card.addClassName("rc-card");
        List<ErrorReports.QueueItem> items = reports.queue(tenant.context(), pc.campaignId(), collegeId, null, true);
        if (items.isEmpty()) {
            card.add(note("college-queue-none", getTranslation("chain.errors.none"), "rc-secondary"));
        }
        for (ErrorReports.QueueItem q : items) {
            Div item = new Div(note("report-" + q.id() + "-text", getTranslation("chain.errors.row", q.studentNo(), q.name(),
                    q.field() == null ? "" : getTranslation("field." + q.field()), nz(q.shown()), nz(q.correct()),
                    getTranslation("chain.report.status." + q.status())) + (q.className() == null ? "" : " · " + q.className()), "rc-wrap"));
            item.setId("report-" + q.id());
            item.addClassName("rc-queue-item");
            if ("OPEN".equals(q.status())) {
                TextField reason = new TextField(getTranslation("chain.college.reason"));
                reason.setId("report-" + q.id() + "-reason");
                reason.setMaxLength(500);
                reason.setWidthFull();
                Button forward = new Button(getTranslation("chain.college.forward"),
                        e -> decide(q.id(), ErrorReports.Decision.FORWARDED, null, reason, pc, collegeId));
                forward.setId("report-" + q.id() + "-forward");
                forward.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                Button back = new Button(getTranslation("chain.college.return"), e -> {
                    if (reason.getValue().isBlank()) {
                        reason.setErrorMessage(getTranslation("chain.college.reasonRequired"));
                        reason.setInvalid(true);
                        return;
                    }
                    decide(q.id(), ErrorReports.Decision.RETURNED, reason.getValue(), reason, pc, collegeId);
                });
                back.setId("report-" + q.id() + "-return");
                back.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Div buttons = new Div(forward, back);
                buttons.addClassName("rc-buttons");
                item.add(reason, buttons);
            }
            card.add(item);
        }
        return card;
    }

    private void decide(long reportId, ErrorReports.Decision d, String comment, TextField reason, PublishedCampaign pc, long collegeId) {
        // the queue shown was scoped to the college; check the report still belongs to it
        boolean inCollege = reports.queue(tenant.context(), pc.campaignId(), collegeId, null, true).stream().anyMatch(q -> q.id() == reportId);
        if (!inCollege) {
            show(collegeId);
            return;
        }
        try {
            reports.review(tenant.context(), user.username(), reportId, d, comment == null ? null : comment.strip(), Site.ip());
            show(collegeId);
        } catch (ValidationFailed v) {
            reason.setErrorMessage(getTranslation("error." + v.errors().get(0).code()));
            reason.setInvalid(true);
        }
    }

    private Div signing(PublishedCampaign pc, long collegeId, CampaignProgress.Unit total) {
        Div card = new Div(new H3(getTranslation("chain.college.sign.title")));
        card.setId("college-signoff");
        card.addClassName("rc-card");
        if (total != null && total.signedOffAt() != null) {
            card.add(note("college-signed", Percent.at(total.signedOffAt(), tenant.timeZone(), getLocale()), "rc-success"));
            return card;
        }
        PasswordPrompt password = signingPrompt(reauth, "college-signer");
        Button sign = signButton("college", "chain.college.sign.button", reauth, password, () -> {
            var s = signOffs.signCollege(tenant.context(), tenant.slug(), user.username(), collegeId, pc.campaignId(),
                    Reauth.method(password), Site.ip(), Site.userAgent());
            card.removeAll();
            card.add(new H3(getTranslation("chain.college.sign.title")), note("college-signed",
                    getTranslation("chain.sign.done", Dates.dateTime(s.signedAt(), tenant.timeZone(), getLocale()),
                            s.receiptCode()) + (s.late() ? " " + getTranslation("chain.sign.late") : ""), "rc-success"));
        });
        card.add(password, sign);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chain.college.title") + " · " + tenant.name(getLocale());
    }
}
