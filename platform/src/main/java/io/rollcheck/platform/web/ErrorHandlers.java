package io.rollcheck.platform.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.rollcheck.platform.db.DataAccessException;
import io.rollcheck.platform.db.DatabaseBusy;
import io.rollcheck.platform.security.LoginGuard;
import io.rollcheck.platform.security.TooManyAttempts;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Domain exceptions → problem+json. No SQL text and no personal data ever reaches a body. */
final class ErrorHandlers {

    private ErrorHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = {ValidationFailed.class, ExceptionHandler.class})
    static class Validation implements ExceptionHandler<ValidationFailed, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ValidationFailed e) {
            return Problem.validation(e.errors(), Edge.locale(request));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NotFound.class, ExceptionHandler.class})
    static class Missing implements ExceptionHandler<NotFound, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotFound e) {
            return Problem.response(HttpStatus.NOT_FOUND, "not_found", Edge.locale(request), null);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {Conflict.class, ExceptionHandler.class})
    static class State implements ExceptionHandler<Conflict, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, Conflict e) {
            return Problem.response(HttpStatus.CONFLICT, e.code(), Edge.locale(request), null);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {TooManyAttempts.class, ExceptionHandler.class})
    static class Throttled implements ExceptionHandler<TooManyAttempts, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TooManyAttempts e) {
            HttpStatus status = LoginGuard.LOCKED.equals(e.code()) ? HttpStatus.LOCKED : HttpStatus.TOO_MANY_REQUESTS;
            return Problem.retryLater(status, e.code(), Edge.locale(request), e.retryAfterSeconds());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {DataAccessException.class, ExceptionHandler.class})
    static class Database implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
        private static final Logger LOG = LoggerFactory.getLogger(Database.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DataAccessException e) {
            if (e instanceof DatabaseBusy busy) {
                // this tenant's share of the pool is taken, or one of its tables is locked: the others serve on
                return Problem.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "tenant_busy", Edge.locale(request),
                        busy.retryAfterSeconds());
            }
            // The driver's message can quote row values: log the state and the type, never the text.
            LOG.error("event=database_error sqlstate={} cause={} path={}", e.sqlState(),
                    e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName(), request.getPath());
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", Edge.locale(request), null);
        }
    }
}
