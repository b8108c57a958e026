package io.rollcheck.tenantadmin.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;
import io.swagger.v3.oas.annotations.Operation;

import java.util.List;
import java.util.Map;

/** Campaign authoring for the registrar: {@code /api/admin/campaigns}. */
@Controller("/api/admin/campaigns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.TENANT_ADMIN)
public class CampaignController {

    @Serdeable
    public record NewCampaign(String name, @Nullable Integer cohort, @Nullable String language, @Nullable String template) {
    }

    @Serdeable
    public record TemplateName(String name) {
    }

    private final CampaignAuthoring authoring;

    public CampaignController(CampaignAuthoring authoring) {
        this.authoring = authoring;
    }

    /** Creates a campaign draft, optionally from a template. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post
    public HttpResponse<Map<String, Long>> create(HttpRequest<?> request, @Body NewCampaign body, Authentication who) {
        Tenant t = Edge.tenant(request);
        java.util.Locale locale = "en".equals(body.language()) ? java.util.Locale.ENGLISH : Edge.locale(request);
        long id = authoring.create(t.context(), who.getName(), body.name(), body.cohort(), locale, body.template());
        return HttpResponse.created(Map.of("id", id));
    }

    /** Lists the university's campaigns. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get
    @Operation(operationId = "listCampaigns")
    public List<CampaignAuthoring.Summary> list(HttpRequest<?> request) {
        return authoring.list(Edge.tenant(request).context());
    }

    /** One campaign's draft. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/{id}")
    @Operation(operationId = "getCampaign")
    public CampaignAuthoring.Draft get(HttpRequest<?> request, long id) {
        return authoring.get(Edge.tenant(request).context(), id);
    }

    /** Saves a campaign's draft. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Put("/{id}/draft")
    public HttpResponse<?> save(HttpRequest<?> request, long id, @Body CampaignContent body, Authentication who) {
        authoring.saveDraft(Edge.tenant(request).context(), who.getName(), id, body);
        return HttpResponse.noContent();
    }

    /** Publishes the draft as the campaign's next version. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Post("/{id}/publish")
    public Map<String, Integer> publish(HttpRequest<?> request, long id, Authentication who) {
        return Map.of("version", authoring.publish(Edge.tenant(request).context(), who.getName(), id));
    }

    /** Previews the draft as students will see it. */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Get("/{id}/preview")
    @Operation(operationId = "previewCampaign")
    public PublishedCampaign preview(HttpRequest<?> request, long id) {
        return authoring.preview(Edge.tenant(request).context(), id);
    }

    /** Attaches a file to the campaign's notice (multipart {@code file}). */
    @ApiDoc.Registrar @ApiDoc.Missing
    @Post(value = "/{id}/attachments", consumes = io.micronaut.http.MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<io.rollcheck.platform.files.BlobStore.Info> attach(HttpRequest<?> request, long id,
            @io.micronaut.http.annotation.Part("file") io.micronaut.http.multipart.CompletedFileUpload file,
            Authentication who) throws java.io.IOException {
        io.rollcheck.platform.files.BlobStore.Info info = io.rollcheck.tenantadmin.Uploads.withTempFile(file,
                CampaignAuthoring.MAX_ATTACHMENT_BYTES,
                () -> io.rollcheck.platform.validation.ValidationFailed.of("file", "attachment.tooLarge"),
                tmp -> authoring.addAttachment(Edge.tenant(request).context(), who.getName(), id, file.getFilename(), tmp));
        return HttpResponse.created(info);
    }

    /** Saves the campaign as a template. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Post("/{id}/template")
    public HttpResponse<?> saveAsTemplate(HttpRequest<?> request, long id, @Body TemplateName body, Authentication who) {
        authoring.saveAsTemplate(Edge.tenant(request).context(), who.getName(), id, body.name());
        return HttpResponse.noContent();
    }
}
