package io.rollcheck.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.platform.web.ApiDoc;
import io.rollcheck.platform.web.Edge;

import java.io.IOException;
import java.io.InputStream;

/** The registrar's branding ({@code PUT /api/admin/branding}, {@code PUT /api/admin/branding/logo}) and the public logo. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BrandingController {

    @Serdeable
    public record BrandingUpdate(String primaryColor, @Nullable String welcomeZh, @Nullable String welcomeEn) {
    }

    private final TenantBranding branding;

    public BrandingController(TenantBranding branding) {
        this.branding = branding;
    }

    /** Sets the portal's colour and welcome texts. */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Put("/admin/branding")
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<?> update(HttpRequest<?> request, @Body BrandingUpdate b, Authentication who) {
        branding.update(Edge.tenant(request), who.getName(), b.primaryColor(), b.welcomeZh(), b.welcomeEn());
        return HttpResponse.noContent();
    }

    /** Uploads the portal's logo (multipart {@code file}). */
    @ApiDoc.Registrar @ApiDoc.Missing @ApiDoc.Invalid
    @Put(value = "/admin/branding/logo", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Roles.TENANT_ADMIN)
    public HttpResponse<?> logo(HttpRequest<?> request, @Nullable @Part("file") CompletedFileUpload file, Authentication who)
            throws IOException {
        if (file == null) {
            throw ValidationFailed.of("logo", "branding.logoMissing");
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(TenantBranding.MAX_LOGO_BYTES + 1);
        }
        branding.setLogo(Edge.tenant(request), who.getName(), bytes);
        return HttpResponse.noContent();
    }

    /** The portal's logo (public). */
    @ApiDoc.Missing
    @Get("/portal/logo")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<byte[]> publicLogo(HttpRequest<?> request) {
        TenantBranding.Logo l = branding.logo(Edge.tenant(request)).orElseThrow(() -> new NotFound("logo"));
        return HttpResponse.ok(l.bytes()).contentType(l.contentType()).header("Cache-Control", "public, max-age=300");
    }
}
