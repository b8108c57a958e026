package io.rollcheck.tenantadmin.signoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.security.Access;
import io.rollcheck.platform.security.ApiAuth;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.platform.web.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/**
 * The sign-off chain through the API, scoped as everywhere: a class's roll, sheet PDF and the
 * 汇总人 sign-off under {@code /api/classes/{id}}; the college's report list (XLSX) and sign-off;
 * the review queue; the campaign's progress for the registrar.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignOffController {

    static {
        Messages.register("i18n/admin");
    }

    @Serdeable
    public record SignRequest(@Nullable String password, @Nullable String totp,
                              @Nullable List<SignOffs.Exception> exceptions) {
    }

    @Serdeable
    public record ReviewRequest(String decision, @Nullable String comment, @Nullable Boolean applyCorrection) {
    }

    private final SignOffs signOffs;
    private final CampaignProgress progress;
    private final ErrorReports reports;
    private final Access access;
    private final SignIn signIn;
    private final CampaignExport export;
    private final io.rollcheck.platform.audit.AuditLog audit;

    public SignOffController(SignOffs signOffs, CampaignProgress progress, ErrorReports reports, Access access,
                             SignIn signIn, CampaignExport export, io.rollcheck.platform.audit.AuditLog audit) {
        this.export = export;
        this.audit = audit;
        this.signOffs = signOffs;
        this.progress = progress;
        this.reports = reports;
        this.access = access;
        this.signIn = signIn;
    }

    /** A class's roll: each student's state in the campaign. */
    @ApiDoc.Staff @ApiDoc.Missing
    @Get("/classes/{id}/roll{?campaignId}")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR, Roles.CLASS_MONITOR})
    public ClassRoll roll(HttpRequest<?> request, long id, @Nullable @QueryValue Long campaignId, Authentication who) {
        Tenant t = Edge.tenant(request);
        access.requireClass(t.context(), ApiAuth.principal(who), id);
        return signOffs.classRoll(t.context(), t.name(Edge.locale(request)), signOffs.campaign(t.context(), campaignId), id);
    }

    /** A class's sign-off sheet as PDF. */
    @ApiDoc.Staff @ApiDoc.Missing
    @Get(value = "/classes/{id}/sheet.pdf{?campaignId}", produces = "application/pdf")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR, Roles.CLASS_MONITOR})
    public HttpResponse<byte[]> sheet(HttpRequest<?> request, long id, @Nullable @QueryValue Long campaignId,
                                      Authentication who) {
        ClassRoll roll = roll(request, id, campaignId, who);
        Tenant t = Edge.tenant(request);
        byte[] pdf = ClassSheetPdf.render(roll, Edge.locale(request), t.zone());
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"sheet-" + id + ".pdf\"")
                .header("Cache-Control", "no-store");
    }

    /** The class monitor signs as 汇总人 (the registrar may too), after re-entering the password. */
    @ApiDoc.ClassSigner @ApiDoc.Missing @ApiDoc.Invalid
    @ApiResponse(responseCode = "409", description = "`signoff.unsignedStudents`, `signoff.emptyClass`, `signoff.levelDisabled`, `signoff.deadlinePassed`",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Post("/classes/{id}/signoff{?campaignId}")
    @Secured({Roles.TENANT_ADMIN, Roles.CLASS_MONITOR})
    public ClassRoll.SignOff signClass(HttpRequest<?> request, long id, @Nullable @QueryValue Long campaignId,
                                       @Body SignRequest body, Authentication who) {
        Tenant t = Edge.tenant(request);
        access.requireClass(t.context(), ApiAuth.principal(who), id);
        signIn.requireReauthentication(t.context(), who.getName(), body.password(), body.totp(), Edge.ip(request));
        return signOffs.signClass(t.context(), t.slug(), t.name(Edge.locale(request)), who.getName(), id, campaignId,
                "PASSWORD", body.exceptions(), Edge.ip(request), request.getHeaders().get(HttpHeaders.USER_AGENT));
    }

    /** College staff sign off their college, after re-entering the password. */
    @ApiDoc.CollegeStaff @ApiDoc.Missing @ApiDoc.Invalid
    @ApiResponse(responseCode = "409", description = "`signoff.classesPending`, `signoff.levelDisabled`, `signoff.deadlinePassed`",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Post("/admin/colleges/{id}/signoff{?campaignId}")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF})
    public ClassRoll.SignOff signCollege(HttpRequest<?> request, long id, @Nullable @QueryValue Long campaignId,
                                         @Body SignRequest body, Authentication who) {
        Tenant t = Edge.tenant(request);
        access.requireCollege(t.context(), ApiAuth.principal(who), id);
        signIn.requireReauthentication(t.context(), who.getName(), body.password(), body.totp(), Edge.ip(request));
        return signOffs.signCollege(t.context(), t.slug(), who.getName(), id, campaignId, "PASSWORD", Edge.ip(request),
                request.getHeaders().get(HttpHeaders.USER_AGENT));
    }

    /** Every class sheet of a college in one ZIP (one PDF per class, named after the class). */
    @ApiDoc.CollegeStaff @ApiDoc.Missing
    @Get(value = "/admin/colleges/{id}/sheets.zip{?campaignId}", produces = "application/zip")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF})
    public HttpResponse<byte[]> collegeSheets(HttpRequest<?> request, long id, @Nullable @QueryValue Long campaignId,
                                              Authentication who) {
        Tenant t = Edge.tenant(request);
        access.requireCollege(t.context(), ApiAuth.principal(who), id);
        PublishedCampaign pc = signOffs.campaign(t.context(), campaignId);
        byte[] zip = signOffs.collegeSheets(t.context(), t.name(Edge.locale(request)), pc, id, Edge.locale(request), t.zone());
        return HttpResponse.ok(zip).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"sheets-college-" + id + ".zip\"")
                .header("Cache-Control", "no-store");
    }

    /** 学院新生学籍信息有误学生名单: the college's live reports. */
    @ApiDoc.CollegeStaff @ApiDoc.Missing
    @Get(value = "/admin/colleges/{id}/reports.xlsx{?campaignId}",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF})
    public HttpResponse<byte[]> collegeReports(HttpRequest<?> request, long id, @Nullable @QueryValue Long campaignId,
                                               Authentication who) {
        Tenant t = Edge.tenant(request);
        access.requireCollege(t.context(), ApiAuth.principal(who), id);
        PublishedCampaign pc = signOffs.campaign(t.context(), campaignId);
        byte[] x = ReportsXlsx.write(reports.queue(t.context(), pc.campaignId(), id, null, true), Edge.locale(request));
        return HttpResponse.ok(x).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"reports-college-" + id + ".xlsx\"")
                .header("Cache-Control", "no-store");
    }

    /**
     * The review queue. The registrar sees every college's reports unless {@code collegeId} or
     * {@code classId} narrows it; college staff must name their college ({@code collegeId}), since
     * they may hold several and the queue is per college (422 {@code review.collegeId.required}).
     */
    @ApiDoc.CollegeStaff @ApiDoc.Missing
    @Get("/admin/error-reports{?campaignId,collegeId,classId,all}")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF})
    public List<ErrorReports.QueueItem> queue(HttpRequest<?> request, @Nullable @QueryValue Long campaignId,
                                              @Nullable @QueryValue Long collegeId, @Nullable @QueryValue Long classId,
                                              @Nullable @QueryValue Boolean all, Authentication who) {
        Tenant t = Edge.tenant(request);
        Principal p = ApiAuth.principal(who);
        if (!p.has(Roles.TENANT_ADMIN)) {
            if (collegeId == null) {
                throw ValidationFailed.of("collegeId", "review.collegeId.required");
            }
            access.requireCollege(t.context(), p, collegeId);
        }
        PublishedCampaign pc = signOffs.campaign(t.context(), campaignId);
        return reports.queue(t.context(), pc.campaignId(), collegeId, classId, !Boolean.TRUE.equals(all));
    }

    /**
     * A decision on a report. College staff forward to the registrar or return to the student;
     * the registrar also resolves (optionally writing the correct value to the record) or rejects.
     */
    @ApiDoc.CollegeStaff @ApiDoc.Missing @ApiDoc.Invalid
    @ApiResponse(responseCode = "409", description = "`report.notLive`: the report was already settled",
            content = @Content(mediaType = ApiDoc.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @Post("/admin/error-reports/{id}/review{?campaignId}")
    @Secured({Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF})
    public HttpResponse<?> review(HttpRequest<?> request, long id, @Nullable @QueryValue Long campaignId,
                                  @Body ReviewRequest body, Authentication who) {
        Tenant t = Edge.tenant(request);
        Principal p = ApiAuth.principal(who);
        ErrorReports.Decision d;
        try {
            d = ErrorReports.Decision.valueOf(body.decision());
        } catch (RuntimeException e) {
            throw ValidationFailed.of("decision", "review.decision");
        }
        PublishedCampaign pc = signOffs.campaign(t.context(), campaignId);
        ErrorReports.QueueItem item = reports.queue(t.context(), pc.campaignId(), null, null, false).stream()
                .filter(q -> q.id() == id).findFirst().orElseThrow(() -> new NotFound("report"));
        if (!p.has(Roles.TENANT_ADMIN)) {
            if (item.collegeId() == null) {
                throw new NotFound("report");
            }
            access.requireCollege(t.context(), p, item.collegeId());
            if (d == ErrorReports.Decision.RESOLVED || d == ErrorReports.Decision.REJECTED) {
                throw new NotFound("report");
            }
        }
        if (d == ErrorReports.Decision.RESOLVED) {
            reports.resolve(t.context(), who.getName(), id, body.comment(), Boolean.TRUE.equals(body.applyCorrection()),
                    Edge.ip(request));
        } else {
            reports.review(t.context(), who.getName(), id, d, body.comment(), Edge.ip(request));
        }
        return HttpResponse.noContent();
    }

    /** The campaign's progress by college and class. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/admin/campaigns/{id}/progress")
    @Secured(Roles.TENANT_ADMIN)
    public CampaignProgress.View progress(HttpRequest<?> request, long id) {
        Tenant t = Edge.tenant(request);
        return progress.view(t.context(), signOffs.campaign(t.context(), id));
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Everything about an open campaign in one workbook; audited. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get(value = "/admin/campaigns/{id}/export.xlsx", produces = XLSX)
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<byte[]> exportAll(HttpRequest<?> request, long id, Authentication who) {
        Tenant t = Edge.tenant(request);
        PublishedCampaign pc = signOffs.campaign(t.context(), id);
        byte[] x = export.workbook(t.context(), pc, Edge.locale(request), t.zone());
        audit.tenant(t.context(), who.getName(), "export.campaign", "campaign:" + id, null, Edge.ip(request));
        return HttpResponse.ok(x).contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + ".xlsx\"").header("Cache-Control", "no-store");
    }

    /** Closes the campaign and freezes its archive. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Post("/admin/campaigns/{id}/close")
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<?> close(HttpRequest<?> request, long id, Authentication who) {
        Tenant t = Edge.tenant(request);
        export.close(t.context(), who.getName(), id, Edge.locale(request), t.zone(), Edge.ip(request));
        return HttpResponse.noContent();
    }

    /** The sealed archive workbook of a closed campaign. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get(value = "/admin/campaigns/{id}/archive.xlsx", produces = XLSX)
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<byte[]> archive(HttpRequest<?> request, long id, Authentication who) {
        Tenant t = Edge.tenant(request);
        byte[] x = export.archive(t.context(), who.getName(), id, Edge.ip(request)).orElseThrow(() -> new NotFound("archive"));
        return HttpResponse.ok(x).contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-archive.xlsx\"").header("Cache-Control", "no-store");
    }


}
