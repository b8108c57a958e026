package io.rollcheck.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.validation.FieldError;

import java.util.List;
import java.util.Locale;

/** RFC 9457 problem details with a stable {@code code}; {@code title} and messages are translated. */
@Serdeable
public record Problem(String type, String title, int status, String code, @Nullable String detail,
                      @Nullable List<Field> errors, @Nullable Long retryAfterSeconds) {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    /** One field's problem, with its message in the caller's language. */
    @Serdeable
    public record Field(String field, String code, String message) {
    }

    public static HttpResponse<Problem> response(HttpStatus status, String code, Locale locale, @Nullable String detail) {
        return HttpResponse.<Problem>status(status)
                .contentType(PROBLEM_JSON)
                .body(of(status, code, locale, detail));
    }

    /** The body alone, for answers whose status and headers are made elsewhere. */
    public static Problem of(HttpStatus status, String code, Locale locale, @Nullable String detail) {
        return new Problem("about:blank", Messages.get(locale, "problem." + code), status.getCode(), code, detail,
                null, null);
    }

    /**
     * Refused for a while (locked, rate-limited): the title says how long, {@code retryAfterSeconds}
     * and the {@code Retry-After} header carry it for clients.
     */
    public static HttpResponse<Problem> retryLater(HttpStatus status, String code, Locale locale, long seconds) {
        return HttpResponse.<Problem>status(status)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", Long.toString(seconds))
                .body(new Problem("about:blank", Messages.get(locale, "problem." + code + ".wait", seconds),
                        status.getCode(), code, null, null, seconds));
    }

    public static HttpResponse<Problem> validation(List<FieldError> errors, Locale locale) {
        List<Field> fields = errors.stream()
                .map(e -> new Field(e.field(), e.code(), Messages.get(locale, "error." + e.code())))
                .toList();
        return HttpResponse.<Problem>status(HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", Messages.get(locale, "problem.validation_failed"), 422,
                        "validation_failed", null, fields, null));
    }
}
