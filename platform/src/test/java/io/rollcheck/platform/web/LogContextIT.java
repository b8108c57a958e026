package io.rollcheck.platform.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Log lines written while a request is handled carry its tenant and request id, on whichever thread
 * the work runs (event loop, blocking pool) and for the error line of an unexpected failure.
 */
class LogContextIT {

    static TestApp app;
    static Tenant t;
    static final ListAppender<ILoggingEvent> LINES = new ListAppender<>();

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("rollcheck.test.failing-route", "true"));
        t = app.aTenant();
        LINES.start();
        root().addAppender(LINES);
    }

    @AfterAll
    static void stop() {
        root().detachAppender(LINES);
        if (app != null) {
            app.close();
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void the_error_line_of_a_failure_on_the_event_loop_names_tenant_and_request() {
        assertContext("/api/test-only/fail");
    }

    @Test
    void the_lines_of_a_failure_on_the_blocking_pool_name_tenant_and_request() {
        assertContext("/api/test-only/fail-blocking");
    }

    private static void assertContext(String path) {
        HttpResponse<String> r = app.get(t.slug() + ".localhost", path, null);
        assertEquals(500, r.statusCode(), r.body());
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        List<ILoggingEvent> mine = waitForLines(requestId, 2);
        List<ILoggingEvent> calls = LINES.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("event=failing_route_called")).toList();
        assertFalse(calls.isEmpty());
        assertFalse(calls.stream().anyMatch(e -> e.getMDCPropertyMap().get("requestId") == null),
                "every handler line has a request id: " + describe(calls));
        assertEquals(1, mine.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR).count(),
                "the ERROR line carries the request id " + requestId + ": " + describe(LINES.list));
        for (ILoggingEvent e : mine) {
            assertEquals(t.slug(), e.getMDCPropertyMap().get("tenant"), describe(List.of(e)));
        }
    }

    private static List<ILoggingEvent> waitForLines(String requestId, int atLeast) {
        long until = System.nanoTime() + 5_000_000_000L;
        List<ILoggingEvent> mine;
        do {
            mine = List.copyOf(LINES.list).stream()
                    .filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId"))).toList();
        } while (mine.size() < atLeast && System.nanoTime() < until && pause());
        return mine;
    }

    private static boolean pause() {
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(List<ILoggingEvent> events) {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : events) {
            b.append('\n').append(e.getLevel()).append(' ').append(e.getMDCPropertyMap()).append(' ')
                    .append(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
        }
        return b.toString();
    }
}
