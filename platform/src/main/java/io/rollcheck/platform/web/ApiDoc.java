package io.rollcheck.platform.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shared parts of the API description, as annotations a controller method carries: who may call
 * it (the {@code bearer} security requirement listing the roles, and the 401/403 answers naming them)
 * and the common error answers with their problem codes. They document, and change nothing at run
 * time: the rule itself stays in {@code @Secured} (ApiDescriptionIT checks both say the same).
 * Convention: an error answer's description starts with its problem codes in backticks.
 */
public final class ApiDoc {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiDoc() {
    }

    /** Callable by the platform operator: PLATFORM_OPERATOR. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = "bearer", scopes = {"PLATFORM_OPERATOR"})
    @ApiResponse(responseCode = "401", description = "`unauthorized`: no valid token for this host",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "`forbidden`: roles allowed: PLATFORM_OPERATOR",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Operator {
    }

    /** Callable by the registrar (the university's admin): TENANT_ADMIN. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = "bearer", scopes = {"TENANT_ADMIN"})
    @ApiResponse(responseCode = "401", description = "`unauthorized`: no valid token for this host",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "`forbidden`: roles allowed: TENANT_ADMIN",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Registrar {
    }

    /** Callable by staff, each within their scope: TENANT_ADMIN, COLLEGE_STAFF, COUNSELOR, CLASS_MONITOR. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = "bearer", scopes = {"TENANT_ADMIN", "COLLEGE_STAFF", "COUNSELOR", "CLASS_MONITOR"})
    @ApiResponse(responseCode = "401", description = "`unauthorized`: no valid token for this host",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "`forbidden`: roles allowed: TENANT_ADMIN, COLLEGE_STAFF, COUNSELOR, CLASS_MONITOR",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Staff {
    }

    /** Callable by the registrar, or college staff within their colleges: TENANT_ADMIN, COLLEGE_STAFF. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = "bearer", scopes = {"TENANT_ADMIN", "COLLEGE_STAFF"})
    @ApiResponse(responseCode = "401", description = "`unauthorized`: no valid token for this host",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "`forbidden`: roles allowed: TENANT_ADMIN, COLLEGE_STAFF",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface CollegeStaff {
    }

    /** Callable by the registrar, or the class monitor of that class: TENANT_ADMIN, CLASS_MONITOR. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = "bearer", scopes = {"TENANT_ADMIN", "CLASS_MONITOR"})
    @ApiResponse(responseCode = "401", description = "`unauthorized`: no valid token for this host",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "`forbidden`: roles allowed: TENANT_ADMIN, CLASS_MONITOR",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface ClassSigner {
    }

    /** Callable by any tenant user: TENANT_ADMIN, COLLEGE_STAFF, COUNSELOR, CLASS_MONITOR, STUDENT. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = "bearer", scopes = {"TENANT_ADMIN", "COLLEGE_STAFF", "COUNSELOR", "CLASS_MONITOR", "STUDENT"})
    @ApiResponse(responseCode = "401", description = "`unauthorized`: no valid token for this host",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "`forbidden`: roles allowed: TENANT_ADMIN, COLLEGE_STAFF, COUNSELOR, CLASS_MONITOR, STUDENT",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Member {
    }

    /** Callable by the student himself: STUDENT. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = "bearer", scopes = {"STUDENT"})
    @ApiResponse(responseCode = "401", description = "`unauthorized`: no valid token for this host",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "`forbidden`: roles allowed: STUDENT",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Student {
    }

    /** Callable by anyone signed in on this host, whatever the role. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "401", description = "`unauthorized`: no valid token for this host",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface SignedIn {
    }

    /** 404: the thing does not exist here, is outside the caller's scope, or the route is not on this host. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "`not_found`: no such thing here, or not visible to the caller, "
            + "or the route does not apply on this host (university routes on the platform's host and the reverse)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Missing {
    }

    /** 422: the request's values break a rule; {@code errors} lists each field with its code. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `errors` names each field and its rule",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Invalid {
    }
}
