package io.rollcheck.tenantadmin.roster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API edge in front of the registrar's features: control characters refused, log lines in context. */
class ApiEdgeIT {

    static TestApp app;
    static Tenant t;
    static String host;
    static String token;
    static final ListAppender<ILoggingEvent> LINES = new ListAppender<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        t = app.aTenant();
        host = t.slug() + ".localhost";
        app.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        token = app.login(host, "admin", "registrar-pass-1");
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
    void a_nul_in_the_notice_of_a_draft_is_refused_and_nothing_is_saved() throws Exception {
        CampaignAuthoring authoring = app.bean(CampaignAuthoring.class);
        long id = authoring.create(t.context(), "admin", "nul", 2025, Locale.SIMPLIFIED_CHINESE, null);
        CampaignContent before = authoring.get(t.context(), id).content();
        String json = app.bean(JsonMapper.class).writeValueAsString(before);
        assertTrue(json.contains("\"title\":\""), json);
        String withNul = json.replaceFirst("\"title\":\"", "\"title\":\"\\\\u0000");
        LINES.list.clear();
        HttpResponse<String> r = app.call("PUT", host, "/api/admin/campaigns/" + id + "/draft", withNul, token);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"field\":\"title\"") && r.body().contains("\"code\":\"text.control\""), r.body());
        assertEquals(before, authoring.get(t.context(), id).content(), "nothing was saved");
        assertFalse(LINES.list.stream().anyMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)),
                LINES.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString());
    }

    @Test
    void the_log_lines_of_a_roster_import_name_tenant_and_request(@TempDir Path dir) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(RosterFixtures.row("2031", i, "新生1班"));
        }
        byte[] file = Files.readAllBytes(RosterFixtures.utf8(dir, rows));
        LINES.list.clear();
        HttpResponse<String> r = app.upload(host, "/api/admin/roster/imports?dryRun=false&createMissingClasses=true",
                "名单.csv", file, token);
        assertEquals(200, r.statusCode(), r.body());
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        List<ILoggingEvent> importLines = List.copyOf(LINES.list).stream()
                .filter(e -> e.getFormattedMessage().startsWith("event=roster_")).toList();
        assertFalse(importLines.isEmpty(), "the import logs its steps");
        for (ILoggingEvent e : importLines) {
            assertEquals(t.slug(), e.getMDCPropertyMap().get("tenant"), e.getFormattedMessage() + " " + e.getMDCPropertyMap());
            assertEquals(requestId, e.getMDCPropertyMap().get("requestId"), e.getFormattedMessage() + " " + e.getMDCPropertyMap());
        }
    }
}
