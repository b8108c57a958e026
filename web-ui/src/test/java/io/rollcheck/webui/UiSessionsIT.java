package io.rollcheck.webui;

import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rollcheck.webui.UiTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What anonymous visitors cost the UI node: every GET without a cookie opens an HTTP session (Vaadin
 * needs one for any page), so sessions nobody signed in to must end soon, and the number of live
 * sessions has a cap with a clear answer past it. (They used to live 30 minutes: 3,000 GETs kept
 * 107 MB after a full GC.)
 */
class UiSessionsIT {

    private static RollcheckApp start(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(TestServices.get().properties());
        p.put("rollcheck.ui.host", "127.0.0.1");
        p.putAll(extra);
        return RollcheckApp.start(p, 0);
    }

    @Test
    void sessions_of_three_thousand_anonymous_visits_end_soon_and_free_their_heap() throws Exception {
        try (RollcheckApp app = start(Map.of("rollcheck.ui.anonymous-idle-seconds", 3,
                "rollcheck.ui.session-scavenge-seconds", 1, "rollcheck.ui.max-sessions", 100_000))) {
            Tenant t = UiTestSupport.aTenant(app);
            String host = t.slug() + ".localhost";
            for (int i = 0; i < 20; i++) {
                assertEquals(200, get(app.uiPort(), host, i % 2 == 0 ? "/" : "/login", null).statusCode()); // warm up
            }
            waitForSessions(app, 0, 20);
            long before = usedAfterGc();
            int peak = 0;
            long started = System.nanoTime();
            for (int i = 0; i < 3_000; i++) {
                HttpResponse<String> r = get(app.uiPort(), host, i % 2 == 0 ? "/" : "/login", null);
                assertEquals(200, r.statusCode());
                peak = Math.max(peak, app.uiSessions());
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            int right = app.uiSessions();
            long justAfter = usedAfterGc();
            int left = waitForSessions(app, 0, 30);
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT, "anonymous_gets=3000 in_s=%d sessions_peak=%d sessions_right_after=%d"
                            + " sessions_after_expiry=%d heap_retained_mb right_after=%.1f after_expiry=%.1f%n",
                    seconds, peak, right, left, (justAfter - before) / 1048576.0, (after - before) / 1048576.0);
            assertEquals(0, left, "every anonymous session ended");
            assertTrue(after - before < 20L * 1024 * 1024, "retained heap after expiry: " + (after - before) / 1048576 + " MB");
        }
    }

    @Test
    void past_the_cap_a_new_visitor_gets_a_small_503_page_and_session_holders_carry_on() {
        try (RollcheckApp app = start(Map.of("rollcheck.ui.max-sessions", 30))) {
            Tenant t = UiTestSupport.aTenant(app);
            String host = t.slug() + ".localhost";
            HttpResponse<String> first = get(app.uiPort(), host, "/", null);
            String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().orElseThrow().split(";")[0];
            Matcher script = Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(first.body());
            assertTrue(script.find(), first.body());
            int ok = 1;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 60 && refused == null; i++) {
                HttpResponse<String> r = get(app.uiPort(), host, "/", null);
                if (r.statusCode() == 503) {
                    refused = r;
                } else {
                    assertEquals(200, r.statusCode());
                    ok++;
                }
            }
            assertEquals(30, ok, "sessions opened up to the cap");
            assertTrue(refused != null);
            assertTrue(refused.headers().firstValue("Retry-After").orElse("").matches("\\d+"), refused.headers().map().toString());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(refused.body().contains("访问人数较多") && !refused.body().contains("Vaadin"), refused.body());
            assertTrue(refused.headers().allValues("Set-Cookie").isEmpty(), "no session for the refused visitor");
            assertEquals(List.of("nosniff"), refused.headers().allValues("X-Content-Type-Options"));
            assertTrue(refused.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertEquals(List.of("DENY"), refused.headers().allValues("X-Frame-Options"));
            HttpResponse<String> english = UiTestSupport.get(app.uiPort(), host, "/login", null, "en");
            assertEquals(503, english.statusCode());
            assertTrue(english.body().contains("Too many visitors"), english.body());
            assertEquals(30, app.uiSessions());

            assertEquals(200, get(app.uiPort(), host, "/", cookie).statusCode(), "a session holder carries on");
            assertEquals(200, get(app.uiPort(), host, "/" + script.group(1), null).statusCode(), "static files need no session");
            assertEquals(200, get(app.uiPort(), "127.0.0.1", "/health", null).statusCode());
        }
    }

    private static int waitForSessions(RollcheckApp app, int target, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (app.uiSessions() > target && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        return app.uiSessions();
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
