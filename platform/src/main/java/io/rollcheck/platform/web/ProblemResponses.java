package io.rollcheck.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The body of every error answer Micronaut makes itself (no route, wrong method or media type, a body
 * too large or unreadable, Micronaut Security's 401/403, an unexpected exception): problem+json with a
 * stable {@code code}, like our own handlers' answers, instead of Micronaut's {@code _links} JSON.
 * Micronaut's texts are not passed on: they can quote the request and name internals.
 */
@Singleton
final class ProblemResponses implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        HttpStatus status = response.getStatus();
        if (status == HttpStatus.UNAUTHORIZED && !response.getHeaders().contains(HttpHeaders.WWW_AUTHENTICATE)) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"); // the API's one scheme (RFC 6750)
        }
        return response.contentType(Problem.PROBLEM_JSON)
                .body(Problem.of(status, code(status), Edge.locale(context.getRequest()), null));
    }

    static String code(HttpStatus status) {
        return switch (status.getCode()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "validation_failed";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status.getCode() >= 500 ? "internal" : "bad_request";
        };
    }
}
