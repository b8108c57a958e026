package io.rollcheck.platform.bench;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.security.ApiAuth;
import io.rollcheck.platform.security.PasswordHasher;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import io.rollcheck.platform.validation.IdNumbers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Student-side figures of issue 6. Run with {@code bash infra/bench/run.sh students [N] [clients]}.
 * <ol>
 *   <li>{@code GET /api/me/campaign} throughput on one instance with {@code clients} concurrent
 *       students, p50/p99, against {@code pgbench -S} (select-only) on the same PostgreSQL with
 *       the same number of clients, both in this run;</li>
 *   <li>the deadline burst: N (default 10,000) students each submit their signature within 60 s
 *       (open loop, evenly spaced); lost and duplicated signatures counted by SQL; p99 from each
 *       request's planned start;</li>
 *   <li>signatures per second when each re-authenticates with a password (Argon2id), the first
 *       thing that saturates.</li>
 * </ol>
 */
public final class StudentBench {

    /** Students who sign in the closed-loop capacity run, before the burst. */
    static final int CAPACITY = 2_000;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        try (TestApp app = TestApp.start(Map.of("rollcheck.security.max-failures", "1000000",
                "datasources.default.maximum-pool-size", 20))) {
            Tenant t = app.aTenant();
            String host = t.slug() + ".localhost";
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            long campaign = CampaignFixture.publish(app, t, "bench", CampaignFixture.aCampaign(today, 10, CampaignContent.LatePolicy.REFUSE));
            long t0 = System.nanoTime();
            List<long[]> ids = students(app, t, n + CAPACITY + 200);
            System.out.printf(Locale.ROOT, "setup: %d students with accounts in %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);
            ApiAuth auth = app.bean(ApiAuth.class);
            List<String> tokens = new ArrayList<>();
            for (long[] id : ids) {
                tokens.add(auth.issue(new Principal(t.slug(), id[1], "B" + id[0], "B" + id[0], List.of("STUDENT"), id[0])));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + app.port();

            if (args.length > 2 && args[2].equals("serve")) { // for profiling by hand: the app stays up
                java.nio.file.Path file = java.nio.file.Path.of("target/student-tokens.txt");
                java.nio.file.Files.write(file, tokens.subList(0, n));
                System.out.printf("serving on port %d, host %s, tokens in %s%n", app.port(), host, file.toAbsolutePath());
                Thread.sleep(Long.MAX_VALUE);
            }
            // 1. GET /api/me/campaign, closed loop: with wrk (a C load generator, like pgbench's own
            // client, so that both sides pay the same for their load) and with the JDK client
            List<String> readTokens = tokens.subList(0, n);
            boolean burstOnly = args.length > 2 && args[2].equals("burst");
            if (!burstOnly) {
            // first read of each student: every state is loaded from PostgreSQL (and put in the caches);
            // once to warm the JIT up, then again after retiring every cached state of the tenant
            double[] jvmCold = runClosed(http, base, host, readTokens, clients, 0, null);
            System.out.printf(Locale.ROOT, "me_campaign, first read on a cold JVM: %.0f req/s%n", jvmCold[0]);
            app.bean(io.rollcheck.tenantadmin.selfcheck.StateCache.class).invalidateTenant(t.context());
            double[] cold = runClosed(http, base, host, readTokens, clients, 0, null);
            System.out.printf(Locale.ROOT, "me_campaign, first read of each of %d students (state loaded): %.0f req/s, p50=%.1f ms, p99=%.1f ms%n",
                    readTokens.size(), cold[0], cold[1], cold[2]);
            wrk(app.port(), host, readTokens, clients, 5); // warm-up of the load generator's path
            double[] wrk = wrk(app.port(), host, readTokens, clients, 20);
            double pgbench = pgbench(clients, 20);
            System.out.printf(Locale.ROOT, "me_campaign, students reloading (wrk): %.0f req/s, p50=%.2f ms, p99=%.2f ms (%d connections, %d students)%n",
                    wrk[0], wrk[1], wrk[2], clients, readTokens.size());
            System.out.printf(Locale.ROOT, "pgbench -S: %.0f tps (%d clients) -> ratio %.2f (target >= 0.30)%n", pgbench, clients, wrk[0] / pgbench);
            double[] read = runClosed(http, base, host, readTokens, clients, 10, null);
            System.out.printf(Locale.ROOT, "me_campaign (JDK HttpClient load, heavier on the shared cores): %.0f req/s, p50=%.1f ms, p99=%.1f ms%n",
                    read[0], read[1], read[2]);
            if (args.length > 2 && args[2].equals("read")) {
                return;
            }
            }

            // 2. deadline burst: every student has answered every field; N signatures within 60 s
            app.bean(Db.class).tenant(t.context(), c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO field_checks (campaign_id, student_id, field, answer, version)"
                        + " SELECT ?, s.id, f.field, 'MATCH', 1 FROM students s CROSS JOIN (VALUES ('name'), ('sex'), ('idNumber'),"
                        + " ('phone'), ('major')) f(field)")) {
                    ps.setLong(1, campaign);
                    ps.executeUpdate();
                }
                return null;
            });
            // what one instance sustains, closed loop (students who are not in the burst); warms the JIT up too
            double[] capacity = runClosed(http, base, host, tokens.subList(n, n + CAPACITY), clients, 0, "{}");
            System.out.printf(Locale.ROOT, "signatures, closed loop (%d clients, %d students): %.0f /s, p50=%.0f ms, p99=%.0f ms%n",
                    clients, CAPACITY, capacity[0], capacity[1], capacity[2]);
            long lastAudit = count(app, t, "SELECT count(*) FROM audit_log");
            double[] burst = burst(http, base, host, tokens.subList(0, n), 55);
            String burstStudents = " WHERE student_id <= " + ids.get(n - 1)[0]; // the first n students are the burst's
            long rows = count(app, t, "SELECT count(*) FROM student_signatures" + burstStudents);
            long distinct = count(app, t, "SELECT count(DISTINCT student_id) FROM student_signatures" + burstStudents);
            long audit = count(app, t, "SELECT count(*) FROM audit_log WHERE action = 'signature.signed'") - CAPACITY;
            System.out.printf(Locale.ROOT, "burst: %d signatures sent in %.1f s, ok=%d, failed=%d, p50=%.0f ms, p99=%.0f ms, max=%.0f ms%n",
                    n, burst[0], (long) burst[1], (long) burst[2], burst[3], burst[4], burst[5]);
            System.out.printf(Locale.ROOT, "burst check by SQL: rows=%d distinct students=%d lost=%d duplicated=%d audit entries=%d (+%d)%n",
                    rows, distinct, n - distinct, rows - distinct, audit, count(app, t, "SELECT count(*) FROM audit_log") - lastAudit);
            System.out.printf(Locale.ROOT, "audit chain intact: %s%n", app.bean(AuditLog.class).verifyTenant(t.context()).firstBroken().isEmpty());

            // 3. with password re-authentication (Argon2id per signature)
            String hash = app.bean(PasswordHasher.class).hash("bench-pass-1");
            app.bean(Db.class).tenant(t.context(), c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE student_id IN"
                        + " (SELECT id FROM students ORDER BY id DESC LIMIT 200)")) {
                    ps.setString(1, hash);
                    ps.executeUpdate();
                }
                return null;
            });
            double[] pw = runClosed(http, base, host, tokens.subList(n + CAPACITY, n + CAPACITY + 200), 8, 0, "{\"password\":\"bench-pass-1\"}");
            System.out.printf(Locale.ROOT, "signatures with password re-authentication: %.0f /s, p50=%.0f ms, p99=%.0f ms (8 clients)%n",
                    pw[0], pw[1], pw[2]);
        }
    }

    /** N students, each with an SSO-style account (no password): {studentId, userId}. */
    static List<long[]> students(TestApp app, Tenant t, int n) {
        Students students = app.bean(Students.class);
        List<long[]> out = new ArrayList<>();
        app.bean(Db.class).tenant(t.context(), c -> {
            for (int i = 0; i < n; i++) {
                String id = IdNumbers.make("110101", LocalDate.of(2007, 1, 1).plusDays(i % 3000), i % 1000);
                long sid = students.upsert(c, t.context(), new NewStudent(String.format("B%07d", i), "学生" + i,
                        IdNumbers.sex(id), null, null, "RESIDENT_ID", id, IdNumbers.birthDate(id).toString(), "13800138000"));
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, display_name, roles, student_id)"
                        + " VALUES (?, ?, ARRAY['STUDENT'], ?) RETURNING id")) {
                    ps.setString(1, "B" + sid);
                    ps.setString(2, "B" + sid);
                    ps.setLong(3, sid);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out.add(new long[]{sid, rs.getLong(1)});
                    }
                }
            }
            return null;
        });
        return out;
    }

    /**
     * Closed loop: {@code clients} threads, each taking the next token; a GET of the campaign, or
     * (with {@code signBody}) a signature; for {@code seconds}, or with 0 once per token until the
     * tokens run out. {req/s, p50, p99}.
     */
    static double[] runClosed(HttpClient http, String base, String host, List<String> tokens, int clients, int seconds,
                              String signBody) throws Exception {
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread th = new Thread(() -> {
                while (true) {
                    int i = next.getAndIncrement();
                    if (seconds > 0 ? System.nanoTime() > end : i >= tokens.size()) {
                        return;
                    }
                    String tok = tokens.get(i % tokens.size());
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (signBody == null ? "/api/me/campaign" : "/api/me/signature")))
                            .header("Host", host).header("Authorization", "Bearer " + tok).header("Accept", "application/json");
                    if (signBody != null) {
                        b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(signBody));
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    lat.add(System.nanoTime() - t0);
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (errors.get() > 0) {
            System.out.println("  errors: " + errors.get());
        }
        long[] l = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[]{l.length / secs, pct(l, 0.50) / 1e6, pct(l, 0.99) / 1e6};
    }

    /** Open loop: one signature per token, evenly spaced over {@code seconds}. {elapsed, ok, failed, p50, p99, max}. */
    static double[] burst(HttpClient http, String base, String host, List<String> tokens, int seconds) throws Exception {
        int n = tokens.size();
        long start = System.nanoTime();
        long gap = seconds * 1_000_000_000L / n;
        List<CompletableFuture<Void>> all = new ArrayList<>(n);
        long[] lat = new long[n];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> why = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < n; i++) {
            long planned = start + i * gap;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int k = i;
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/me/signature")).header("Host", host)
                    .header("Authorization", "Bearer " + tokens.get(i)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            all.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                lat[k] = System.nanoTime() - planned;
                if (e == null && r.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    why.computeIfAbsent(e != null ? e.getClass().getSimpleName() : "HTTP " + r.statusCode(),
                            x -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        if (!why.isEmpty()) {
            System.out.println("  failures: " + why);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] l = lat.clone();
        Arrays.sort(l);
        return new double[]{elapsed, ok.get(), failed.get(), pct(l, 0.5) / 1e6, pct(l, 0.99) / 1e6, l[l.length - 1] / 1e6};
    }

    /** wrk on {@code connections} connections and 2 threads, each request with the next token: {req/s, p50 ms, p99 ms}. */
    static double[] wrk(int port, String host, List<String> tokens, int connections, int seconds) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("rollcheck-tokens", ".txt");
        try {
            java.nio.file.Files.write(file, tokens);
            ProcessBuilder pb = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                    "-s", "infra/bench/me-campaign.lua", "http://127.0.0.1:" + port);
            pb.environment().put("ROLLCHECK_TOKENS", file.toString());
            pb.environment().put("ROLLCHECK_HOST", host);
            Process p = pb.redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            double rps = -1;
            double p50 = -1;
            double p99 = -1;
            for (String line : out.split("\n")) {
                String l = line.trim();
                if (l.startsWith("Requests/sec:")) {
                    rps = Double.parseDouble(l.substring(13).trim());
                } else if (l.startsWith("50%")) {
                    p50 = millis(l.substring(3).trim());
                } else if (l.startsWith("99%")) {
                    p99 = millis(l.substring(3).trim());
                } else if (l.startsWith("Non-2xx") || l.startsWith("Socket errors")) {
                    throw new IllegalStateException("wrk saw failures: " + out);
                }
            }
            if (rps < 0) {
                throw new IllegalStateException("no Requests/sec in wrk output: " + out);
            }
            return new double[]{rps, p50, p99};
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static double millis(String wrkDuration) {
        double v = Double.parseDouble(wrkDuration.replaceAll("[a-z]+$", ""));
        if (wrkDuration.endsWith("us")) {
            return v / 1000;
        }
        if (wrkDuration.endsWith("ms")) {
            return v;
        }
        return v * 1000; // "s"
    }

    static double pgbench(int clients, int seconds) throws Exception {
        URI u = URI.create(TestServices.get().jdbcUrl().substring(5));
        String user = TestServices.get().user;
        String db = "rollcheck_pgbench";
        run("psql", "-h", u.getHost(), "-p", String.valueOf(u.getPort()), "-U", user, "-d", "postgres", "-qc", "DROP DATABASE IF EXISTS " + db);
        run("psql", "-h", u.getHost(), "-p", String.valueOf(u.getPort()), "-U", user, "-d", "postgres", "-qc", "CREATE DATABASE " + db);
        run("pgbench", "-h", u.getHost(), "-p", String.valueOf(u.getPort()), "-U", user, "-i", "-q", "-s", "10", db);
        String out = run("pgbench", "-h", u.getHost(), "-p", String.valueOf(u.getPort()), "-U", user, "-S", "-n", "-c",
                String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), db);
        run("psql", "-h", u.getHost(), "-p", String.valueOf(u.getPort()), "-U", user, "-d", "postgres", "-qc", "DROP DATABASE IF EXISTS " + db);
        for (String line : out.split("\n")) {
            if (line.startsWith("tps = ")) {
                return Double.parseDouble(line.substring(6).split(" ")[0]);
            }
        }
        throw new IllegalStateException("no tps in pgbench output: " + out);
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    static long count(TestApp app, Tenant t, String sql) {
        return app.bean(Db.class).tenant(t.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
