package io.rollcheck.platform.apidoc;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The head of the API description micronaut-openapi writes at build time: title, the conventions every
 * operation follows, and the bearer scheme. Holds no code. Each module's processor writes its own part;
 * the module that merges them (tenant-admin) repeats the head with these constants, as the merge keeps
 * only the paths and components of the parts it reads.
 */
@OpenAPIDefinition(info = @Info(title = ApiDescription.TITLE, version = ApiDescription.VERSION,
        description = ApiDescription.DESCRIPTION))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A token from POST /api/auth/login (or the single sign-on callback), valid on its host only.")
public final class ApiDescription {

    public static final String TITLE = "Rollcheck API";
    public static final String VERSION = "1";
    public static final String DESCRIPTION = """
                The REST API of Rollcheck. The university (tenant) is chosen by the Host header: \
                `<slug>.<base domain>` for a university, the base domain itself for the platform.

                **Roles.** An operation open to anyone has no security requirement. Any other names \
                the `bearer` scheme with the roles that may call it (OpenAPI 3.1 role names; an empty \
                list means any signed-in user); its 403 answer names them too. A token is valid only \
                on the host it was issued on. Scoped roles (college staff, counselor, class monitor) \
                see only their colleges or classes: outside them the answer is 404.

                **Errors** are `application/problem+json` (RFC 9457) with a stable `code`; `title` is \
                translated (`Accept-Language`). Each operation lists the statuses it answers and their \
                codes. Any operation may also answer 404 `tenant_unknown` (no university at this host), \
                403 `tenant_suspended`, 503 `tenant_busy` (with `Retry-After`) or `unavailable`, \
                400 `bad_request`, 413 `too_large`, 415 `unsupported_media_type`.""";

    private ApiDescription() {
    }
}
