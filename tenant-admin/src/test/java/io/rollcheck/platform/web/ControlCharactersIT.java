package io.rollcheck.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NUL (or another control character) in any text the API takes is refused at the edge with a 422
 * naming the field: nothing is written and no ERROR is logged (it used to reach PostgreSQL, which
 * refuses NUL in text: 503 and a database ERROR).
 */
class ControlCharactersIT {

    static TestApp app;
    static Tenant t;
    static String host;
    static String admin;
    static final ListAppender<ILoggingEvent> LINES = new ListAppender<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        t = app.aTenant();
        host = t.slug() + ".localhost";
        new OrgFixture(app, t, "nul", 2);
        admin = app.login(host, "admin", OrgFixture.PASSWORD);
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

    @AfterEach
    void no_error_was_logged() {
        var errors = LINES.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage).toList();
        LINES.list.clear();
        assertTrue(errors.isEmpty(), errors.toString());
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    static void assertRefused(HttpResponse<String> r, String field) {
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
        assertTrue(r.body().contains("\"code\":\"text.control\""), r.body());
    }

    @Test
    void a_nul_in_the_login_name_is_refused() {
        assertRefused(app.post(host, "/api/auth/login", "{\"username\":\"adm\\u0000in\",\"password\":\"whatever-1\"}", null),
                "username");
    }

    @Test
    void a_nul_in_a_search_is_refused() {
        assertRefused(app.get(host, "/api/admin/students?q=%00abc", admin), "q");
        assertRefused(app.get(host, "/api/admin/students?q=a%1Bb", admin), "q");
        assertEquals(200, app.get(host, "/api/admin/students?q=abc", admin).statusCode());
    }

    @Test
    void a_nul_in_the_branding_is_refused_and_nothing_changes() {
        String before = app.get(host, "/api/portal", null).body();
        assertRefused(app.call("PUT", host, "/api/admin/branding",
                "{\"primaryColor\":\"#123456\",\"welcomeZh\":\"欢迎\\u0000\",\"welcomeEn\":\"Hi\"}", admin), "welcomeZh");
        assertRefused(app.call("PUT", host, "/api/admin/branding",
                "{\"primaryColor\":\"#123456\",\"welcomeZh\":\"欢迎\",\"welcomeEn\":\"bell\\b\"}", admin), "welcomeEn");
        assertEquals(before, app.get(host, "/api/portal", null).body());
        // line breaks and tabs are text, and an escaped backslash before "u0000" is no NUL
        assertEquals(204, app.call("PUT", host, "/api/admin/branding",
                "{\"primaryColor\":\"#123456\",\"welcomeZh\":\"欢迎\\n\\t新同学\",\"welcomeEn\":\"a\\\\u0000b\"}", admin)
                .statusCode());
    }

    @Test
    void a_nul_in_the_path_is_refused() {
        assertRefused(app.get(host, "/api/verify/AB%00CD", null), "path");
    }
}
