package io.rollcheck.webui.bench;

import io.rollcheck.tenantadmin.testing.Rosters;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.security.PasswordHasher;
import io.rollcheck.platform.tenancy.Provisioning;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import io.rollcheck.webui.RollcheckApp;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Heap per Vaadin session: opens N sessions (default 500) the way a browser does (page, Vaadin's UI
 * init request, then the navigation event that builds the view), keeps them alive, and divides the
 * heap difference after full GCs by N. Modes:
 * {@code portal} (issue 3: the public portal), {@code student} (issue 6: signed-in students on the
 * field-by-field check, and on the self-check's home), {@code all} (default). Run with
 * {@code bash infra/bench/run.sh sessions [N] [mode]}.
 */
public final class SessionHeapBench {

    private static final String PASSWORD = "bench-student-pass-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String mode = args.length > 1 ? args[1] : "all";
        System.setProperty(BenchSignInView.ENABLED, "true");
        // as the packaged application runs (its build info says production), whatever state target/classes is in:
        // otherwise Vaadin's development-time component tracker keeps a stack trace of every component
        System.setProperty("vaadin.productionMode", "true");
        Map<String, Object> p = new HashMap<>(TestServices.get().properties());
        p.put("rollcheck.security.ip-failures-per-minute", 1_000_000);
        try (RollcheckApp app = RollcheckApp.start(p, 0)) {
            long id = app.bean(SignupService.class).submit(TestApp.aSignup(), null);
            Tenant t = app.bean(Provisioning.class).approve(id, "bench", null).tenant();
            String host = t.slug() + ".localhost:" + app.uiPort();
            if (!"student".equals(mode)) {
                open(app, host, 20, i -> "/"); // warm up classes and caches with sessions that are then dropped
                measure("portal_sessions", n, () -> open(app, host, n, i -> "/"));
            }
            if (!"portal".equals(mode)) {
                List<String> users = students(app, t, n + 20);
                for (String route : List.of("check/fields", "check")) {
                    open(app, host, 20, i -> signIn(users.get(n + i), route));
                    String label = "student_sessions_" + ("check".equals(route) ? "home" : "fields");
                    measure(label, n, () -> open(app, host, n, i -> signIn(users.get(i), route)));
                }
            }
        }
        System.exit(0);
    }

    interface Opening {
        List<String> run() throws Exception;
    }

    interface Path {
        String of(int i);
    }

    static void measure(String label, int n, Opening opening) throws Exception {
        Map<String, long[]> histogramBefore = Boolean.getBoolean("bench.histogram") ? histogram() : null;
        long before = usedAfterGc();
        long started = System.nanoTime();
        List<String> alive = opening.run();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "%s=%d heap_per_session_kb=%.1f (target for student views <= 150) opened_in_s=%d"
                + " heap_used_mb before=%d after=%d%n", label, alive.size(), (after - before) / 1024.0 / n, seconds,
                before >> 20, after >> 20);
        if (histogramBefore != null) {
            Map<String, long[]> now = histogram();
            long[] zero = new long[2];
            now.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[1] - histogramBefore.getOrDefault(b.getKey(), zero)[1],
                            a.getValue()[1] - histogramBefore.getOrDefault(a.getKey(), zero)[1]))
                    .limit(40)
                    .forEach(e -> {
                        long[] was = histogramBefore.getOrDefault(e.getKey(), zero);
                        System.out.printf(Locale.ROOT, "  %10d B/session %8.1f obj/session %s%n",
                                (e.getValue()[1] - was[1]) / n, (e.getValue()[0] - was[0]) / (double) n, e.getKey());
                    });
        }
    }

    /** Live objects per class (instances, bytes), from the JVM's diagnostic command (a full GC first). */
    static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[]{new String[0]}, new String[]{String[].class.getName()});
        Map<String, long[]> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                out.put(f[3], new long[]{Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return out;
    }

    static String signIn(String username, String route) {
        return "/bench/sign-in?u=" + username + "&p=" + PASSWORD + "&to=" + URLEncoder.encode(route, StandardCharsets.UTF_8);
    }

    /** A published campaign and {@code n} students with accounts and passwords; returns their user names. */
    static List<String> students(RollcheckApp app, Tenant t, int n) throws Exception {
        try (TestApp fixtures = TestApp.start()) {
            CampaignFixture.publish(fixtures, t, "2025级本科新生学籍核对", CampaignFixture.aCampaign(
                    LocalDate.now(ZoneId.of("Asia/Shanghai")), 10, CampaignContent.LatePolicy.REFUSE));
        }
        String hash = app.bean(PasswordHasher.class).hash(PASSWORD);
        Students students = app.bean(Students.class);
        List<String> names = new ArrayList<>();
        for (NewStudent s : Rosters.aRoster("2599", n, null, null)) {
            long sid = students.upsert(t.context(), s);
            names.add(s.studentNo());
            app.bean(Db.class).tenant(t.context(), c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, display_name, roles,"
                        + " password_hash, student_id) VALUES (?, ?, ARRAY['STUDENT'], ?, ?)")) {
                    ps.setString(1, s.studentNo());
                    ps.setString(2, s.name());
                    ps.setString(3, hash);
                    ps.setLong(4, sid);
                    ps.executeUpdate();
                }
                return null;
            });
        }
        return names;
    }

    /**
     * Opens {@code n} sessions; returns their cookies (all a browser keeps). One HTTP client serves them
     * all, so the client's own objects in this JVM do not count as sessions.
     */
    static List<String> open(RollcheckApp app, String host, int n, Path path) throws Exception {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String target = path.of(i);
            HttpResponse<String> page = HTTP.send(req(app, host, target, null), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException(target + " answered " + page.statusCode());
            }
            String cookie = cookie(page, null);
            HttpResponse<String> ui = HTTP.send(req(app, host, "/?v-r=init&location=&query=", cookie),
                    HttpResponse.BodyHandlers.ofString());
            if (ui.statusCode() != 200 || !ui.body().contains("uidl")) {
                throw new IllegalStateException("no UI was created: " + ui.statusCode());
            }
            cookie = cookie(ui, cookie);
            ui = navigate(app, host, cookie, ui.body(), URI.create(target));
            String expected = "/".equals(target) ? "portal-name" : "check-";
            if (ui.statusCode() != 200 || !ui.body().contains(expected)) {
                throw new IllegalStateException(target + ": the view was not shown (" + ui.statusCode() + ")");
            }
            cookie = cookie(ui, cookie);
            if (i == 0 && Boolean.getBoolean("bench.histogram")) {
                // Vaadin keeps a UI's last response until the next request: part of what a session weighs
                System.out.printf(Locale.ROOT, "  the view's first response has %d characters%n", ui.body().length());
            }
            cookies.add(cookie);
        }
        return cookies;
    }

    /**
     * What Vaadin's client does after the UI init: it sends the route to navigate to as a
     * {@code ui-navigate} event of the UI's body node, with the UI's security key.
     */
    static HttpResponse<String> navigate(RollcheckApp app, String host, String cookie, String init, URI target)
            throws Exception {
        String key = field(init, "Vaadin-Security-Key");
        String uiId = init.replaceAll("(?s).*\"v-uiId\":(\\d+).*", "$1");
        String body = "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                + "\"data\":{\"route\":\"" + target.getPath().substring(1) + "\",\"query\":\""
                + (target.getQuery() == null ? "" : target.getRawQuery()) + "\",\"appShellTitle\":\"\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.uiPort() + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Host", host).header("Accept-Language", "zh-CN").header("Cookie", cookie)
                .header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        int from = at + name.length() + 4;
        return json.substring(from, json.indexOf('"', from));
    }

    /** The session cookie a response sets (a sign-in renews the id), else the one sent. */
    static String cookie(HttpResponse<?> r, String sent) {
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("JSESSIONID="))
                .map(h -> h.substring(0, h.indexOf(';') < 0 ? h.length() : h.indexOf(';'))).reduce((a, b) -> b).orElse(sent);
    }

    static HttpRequest req(RollcheckApp app, String host, String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.uiPort() + path))
                .header("Host", host).header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.GET().build();
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
