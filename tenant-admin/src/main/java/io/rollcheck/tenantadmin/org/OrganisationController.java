package io.rollcheck.tenantadmin.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.PublicUrls;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.tenantadmin.Uploads;
import io.rollcheck.tenantadmin.roster.RosterFileProblem;
import io.rollcheck.tenantadmin.roster.RosterFiles;
import io.rollcheck.platform.web.ApiDoc;

import java.util.List;
import java.util.Map;

/** The registrar's organisation API: colleges, majors, classes, staff, class monitors. */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.TENANT_ADMIN)
public class OrganisationController {

    @Serdeable
    public record NewCollege(String code, String nameZh, @Nullable String nameEn) {
    }

    @Serdeable
    public record NewClass(long collegeId, String code, String name, @Nullable Integer cohort, @Nullable String level) {
    }

    @Serdeable
    public record NewMajor(@Nullable Long collegeId, String name) {
    }

    @Serdeable
    public record NewStaff(String username, String displayName, @Nullable String email, List<String> roles,
                           @Nullable List<Long> collegeIds, @Nullable List<Long> classIds) {
    }

    @Serdeable
    public record Monitor(String studentNo) {
    }

    private final Organisation org;
    private final OrgImport imports;
    private final PublicUrls urls;

    public OrganisationController(Organisation org, OrgImport imports, PublicUrls urls) {
        this.org = org;
        this.imports = imports;
        this.urls = urls;
    }

    /** Colleges and classes from a CSV/XLSX list; {@code dryRun} (default true) reports without writing. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post(value = "/classes/import{?dryRun}", consumes = io.micronaut.http.MediaType.MULTIPART_FORM_DATA)
    public OrgImport.Report importClasses(HttpRequest<?> request,
                                          @io.micronaut.http.annotation.Part("file") io.micronaut.http.multipart.CompletedFileUpload file,
                                          @Nullable @QueryValue Boolean dryRun, Authentication who) throws java.io.IOException {
        return Uploads.withTempFile(file, RosterFiles.MAX_BYTES, () -> new RosterFileProblem("file.tooLarge"),
                tmp -> imports.classes(Edge.tenant(request).context(), who.getName(), tmp, dryRun == null || dryRun,
                        Edge.locale(request)));
    }

    /** Staff accounts from a CSV/XLSX list; each new account gets a one-time setup link. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post(value = "/staff/import{?dryRun}", consumes = io.micronaut.http.MediaType.MULTIPART_FORM_DATA)
    public OrgImport.StaffReport importStaff(HttpRequest<?> request,
                                             @io.micronaut.http.annotation.Part("file") io.micronaut.http.multipart.CompletedFileUpload file,
                                             @Nullable @QueryValue Boolean dryRun, Authentication who) throws java.io.IOException {
        return Uploads.withTempFile(file, RosterFiles.MAX_BYTES, () -> new RosterFileProblem("file.tooLarge"),
                tmp -> imports.staff(Edge.tenant(request).context(), who.getName(), tmp, dryRun == null || dryRun,
                        Edge.locale(request), org, urls::setupLink));
    }

    /** Lists colleges. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/colleges")
    public List<Organisation.College> colleges(HttpRequest<?> request) {
        return org.colleges(Edge.tenant(request).context());
    }

    /** Adds a college. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/colleges")
    public HttpResponse<Map<String, Long>> addCollege(HttpRequest<?> request, @Body NewCollege b, Authentication who) {
        return HttpResponse.created(Map.of("id", org.addCollege(Edge.tenant(request).context(), who.getName(), b.code(),
                b.nameZh(), b.nameEn())));
    }

    /** Lists classes, optionally of one college. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/classes{?collegeId}")
    public List<Organisation.SchoolClass> classes(HttpRequest<?> request, @Nullable @QueryValue Long collegeId) {
        return org.classes(Edge.tenant(request).context(), collegeId);
    }

    /** Adds a class. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/classes")
    public HttpResponse<Map<String, Long>> addClass(HttpRequest<?> request, @Body NewClass b, Authentication who) {
        return HttpResponse.created(Map.of("id", org.addClass(Edge.tenant(request).context(), who.getName(), b.collegeId(),
                b.code(), b.name(), b.cohort(), b.level())));
    }

    /** Lists majors. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/majors")
    public List<Organisation.Major> majors(HttpRequest<?> request) {
        return org.majors(Edge.tenant(request).context());
    }

    /** Adds a major. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/majors")
    public HttpResponse<Map<String, Long>> addMajor(HttpRequest<?> request, @Body NewMajor b, Authentication who) {
        return HttpResponse.created(Map.of("id", org.addMajor(Edge.tenant(request).context(), who.getName(), b.collegeId(), b.name())));
    }

    /** Lists staff accounts. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/staff")
    public List<Organisation.Staff> staff(HttpRequest<?> request) {
        return org.staff(Edge.tenant(request).context());
    }

    /** Adds a staff account and returns its one-time setup link. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/staff")
    public HttpResponse<Map<String, Object>> addStaff(HttpRequest<?> request, @Body NewStaff b, Authentication who) {
        Tenant t = Edge.tenant(request);
        Organisation.NewAccount a = org.addStaff(t.context(), who.getName(), b.username(), b.displayName(), b.email(),
                b.roles(), b.collegeIds(), b.classIds());
        return HttpResponse.created(Map.of("id", a.id(), "setupLink", urls.setupLink(t.slug(), a.setupToken())));
    }

    /** Makes a student the class monitor of a class. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Put("/classes/{id}/monitor")
    public HttpResponse<?> monitor(HttpRequest<?> request, long id, @Body Monitor b, Authentication who) {
        org.assignMonitor(Edge.tenant(request).context(), who.getName(), id, b.studentNo());
        return HttpResponse.noContent();
    }
}
