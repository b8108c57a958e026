package io.rollcheck.platform.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only route that fails with an unexpected exception (a bug, as a 500 looks in production), and
 * logs a line first: only in test contexts that set {@code rollcheck.test.failing-route}.
 */
@Controller("/api/test-only")
@Requires(property = "rollcheck.test.failing-route", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
class FailingRoute {

    private static final Logger LOG = LoggerFactory.getLogger(FailingRoute.class);

    @Get("/fail")
    String fail() {
        LOG.info("event=failing_route_called");
        throw new IllegalStateException("a bug in a handler");
    }

    @Get("/fail-blocking")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String failBlocking() {
        LOG.info("event=failing_route_called blocking=true");
        throw new IllegalStateException("a bug in a blocking handler");
    }
}
