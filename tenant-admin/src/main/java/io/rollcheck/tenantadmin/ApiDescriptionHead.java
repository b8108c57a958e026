package io.rollcheck.tenantadmin;

import io.rollcheck.platform.apidoc.ApiDescription;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The head of the merged API description (see {@link ApiDescription}); holds no code. */
@OpenAPIDefinition(info = @Info(title = ApiDescription.TITLE, version = ApiDescription.VERSION,
        description = ApiDescription.DESCRIPTION))
final class ApiDescriptionHead {

    private ApiDescriptionHead() {
    }
}
