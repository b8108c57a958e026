package io.rollcheck.webui.bench;

import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.Provisioning;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import io.rollcheck.webui.RollcheckApp;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Heap per Vaadin portal session (issue 3): opens N portal sessions (default 500) the way a browser
 * does (page, then Vaadin's UI init request), keeps them alive, and divides the heap difference after
 * full GCs by N. Run with {@code bash infra/bench/run.sh sessions [N]}.
 */
public final class SessionHeapBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Map<String, Object> p = new HashMap<>(TestServices.get().properties());
        try (RollcheckApp app = RollcheckApp.start(p, 0)) {
            long id = app.bean(SignupService.class).submit(TestApp.aSignup(), null);
            Tenant t = app.bean(Provisioning.class).approve(id, "bench", null).tenant();
            String host = t.slug() + ".localhost:" + app.uiPort();
            // warm up classes and caches with a few sessions that are then dropped
            open(app, host, 20);
            long before = usedAfterGc();
            List<HttpClient> alive = open(app, host, n);
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT, "portal_sessions=%d heap_per_session_kb=%.1f (target for student views <= 150)%n",
                    alive.size(), (after - before) / 1024.0 / n);
            System.out.printf(Locale.ROOT, "heap_used_mb before=%d after=%d%n", before >> 20, after >> 20);
        }
        System.exit(0);
    }

    static List<HttpClient> open(RollcheckApp app, String host, int n) throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> page = c.send(req(app, host, "/"), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("portal answered " + page.statusCode());
            }
            HttpResponse<String> init = c.send(req(app, host, "/?v-r=init&location=&query="), HttpResponse.BodyHandlers.ofString());
            if (init.statusCode() != 200 || !init.body().contains("uidl")) {
                throw new IllegalStateException("no UI was created: " + init.statusCode());
            }
            clients.add(c);
        }
        return clients;
    }

    static HttpRequest req(RollcheckApp app, String host, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.uiPort() + path))
                .header("Host", host).header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(20)).GET().build();
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
