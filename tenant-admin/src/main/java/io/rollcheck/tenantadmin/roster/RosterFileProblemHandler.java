package io.rollcheck.tenantadmin.roster;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.rollcheck.platform.web.Edge;
import io.rollcheck.platform.web.Problem;
import jakarta.inject.Singleton;

/** A file that cannot be imported → 422 problem {@code roster.file.*} with the translated reason. */
@Produces
@Singleton
@Requires(classes = {RosterFileProblem.class, ExceptionHandler.class})
public class RosterFileProblemHandler implements ExceptionHandler<RosterFileProblem, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RosterFileProblem e) {
        return Problem.response(HttpStatus.UNPROCESSABLE_ENTITY, "roster." + e.code(), Edge.locale(request), null);
    }
}
