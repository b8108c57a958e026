package io.rollcheck.tenantadmin.roster;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.ObjectMapper;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.platform.web.Problem;
import io.rollcheck.platform.web.ApiDoc;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/admin/roster/imports?dryRun=true|false} (multipart {@code file}): the registrar's
 * roster import; {@code GET /api/admin/roster/imports}: its history.
 */
@Controller("/api/admin/roster")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RosterController {

    private final RosterImport imports;
    private final RosterHistory history;
    private final ObjectMapper json;

    public RosterController(RosterImport imports, RosterHistory history, ObjectMapper json) {
        this.imports = imports;
        this.history = history;
        this.json = json;
    }

    /** Imports a roster file; {@code dryRun} (default true) reports without writing. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post(value = "/imports{?dryRun,createMissingClasses,mapping}", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<?> importRoster(HttpRequest<?> request, @Nullable @Part("file") CompletedFileUpload file,
                                        @Nullable @QueryValue Boolean dryRun,
                                        @Nullable @QueryValue Boolean createMissingClasses,
                                        @Nullable @QueryValue String mapping, Authentication who) throws IOException {
        Tenant t = Edge.tenant(request);
        if (file == null) {
            return Problem.response(HttpStatus.UNPROCESSABLE_ENTITY, "roster.file.missing", Edge.locale(request), null);
        }
        Map<String, String> map = mapping == null || mapping.isBlank() ? Map.of()
                : json.readValue(mapping, io.micronaut.core.type.Argument.mapOf(String.class, String.class));
        RosterImport.Report report = io.rollcheck.tenantadmin.Uploads.withTempFile(file, RosterFiles.MAX_BYTES,
                () -> new RosterFileProblem("file.tooLarge"),
                tmp -> imports.run(t.context(), who.getName(), tmp, file.getFilename(),
                        new RosterImport.Options(dryRun == null || dryRun, Boolean.TRUE.equals(createMissingClasses), map,
                                Edge.locale(request))));
        return HttpResponse.ok(report);
    }

    /** The history of roster imports. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/imports")
    @Secured(Roles.TENANT_ADMIN)
    public List<RosterHistory.Entry> history(HttpRequest<?> request) {
        return history.list(Edge.tenant(request).context());
    }
}
