package io.rollcheck.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, item 2: one university's locked table must not take the others down. The app runs with the
 * production pool (20) and the default limits; a side connection holds {@code students} of tenant A
 * exclusively while 40 of A's answers arrive at once.
 */
class TenantBulkheadIT {

    static TestApp app;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String ANSWER = "{\"answer\":\"MATCH\"}";

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("datasources.default.maximum-pool-size", 20));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    record World(Tenant t, OrgFixture org) {
    }

    static World aWorld() {
        Tenant t = app.aTenant();
        OrgFixture org = new OrgFixture(app, t, "B" + t.id(), 2);
        CampaignFixture.publish(app, t, "2025级新生学籍核对", CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE));
        return new World(t, org);
    }

    static long timed(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static long median(long[] ms) {
        long[] s = ms.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** B's answer: 200 and its latency. */
    static long answer(World w, String token, String field) {
        long[] status = new long[1];
        long ms = timed(() -> status[0] = app.call("PUT", w.org().host(), "/api/me/checks/" + field, ANSWER, token).statusCode());
        assertEquals(200, status[0], "the healthy tenant answers");
        return ms;
    }

    static int checks(World w, String field) {
        return app.bean(Db.class).tenant(w.t().context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM field_checks f JOIN users u ON u.student_id = f.student_id"
                            + " WHERE u.username = 'student2' AND f.field = ?")) {
                ps.setString(1, field);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Test
    void a_locked_table_stalls_its_tenant_alone_and_answers_503_with_retry_after() throws Exception {
        World a = aWorld();
        World b = aWorld();
        String[] tokensA = {app.login(a.org().host(), "student2", OrgFixture.PASSWORD),
                app.login(a.org().host(), "monitor1", OrgFixture.PASSWORD)};
        String tokenB = app.login(b.org().host(), "student2", OrgFixture.PASSWORD);
        Db db = app.bean(Db.class);
        int perTenant = db.limits().perTenant();
        assertEquals(8, perTenant, "40 % of the pool of 20");

        // B's normal latency, measured in this run
        for (int i = 0; i < 5; i++) {
            answer(b, tokenB, "sex"); // warm-up
        }
        long[] baseline = new long[20];
        for (int i = 0; i < baseline.length; i++) {
            baseline[i] = answer(b, tokenB, i % 2 == 0 ? "sex" : "name");
        }

        ExecutorService pool = Executors.newFixedThreadPool(40);
        try (Connection side = TestServices.get().connect()) {
            side.setAutoCommit(false);
            try (Statement s = side.createStatement()) {
                s.execute("LOCK TABLE " + Db.quote(a.t().schemaName()) + ".students IN ACCESS EXCLUSIVE MODE");
            }
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger maxHeld = new AtomicInteger();
            List<Future<long[]>> stalled = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String token = tokensA[i % 2];
                stalled.add(pool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = app.call("PUT", a.org().host(), "/api/me/checks/sex", ANSWER, token);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    long retry = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
                    long coded = r.body().contains("\"code\":\"tenant_busy\"") ? 1 : 0;
                    return new long[]{r.statusCode(), ms, retry, coded};
                }));
            }
            go.countDown();
            // A's requests now hold its whole share of the pool (the rest wait for it)
            long until = System.nanoTime() + 10_000_000_000L;
            while (db.connectionsInUse(a.t().context()) < perTenant) {
                assertTrue(System.nanoTime() < until, "A's requests never took its share of the pool");
                Thread.sleep(10);
            }

            // while A is stalled: B within its normal latency, the operator signs in, /health is up
            long[] during = new long[20];
            for (int i = 0; i < during.length; i++) {
                maxHeld.accumulateAndGet(db.connectionsInUse(a.t().context()), Math::max);
                during[i] = answer(b, tokenB, i % 2 == 0 ? "sex" : "name");
            }
            long operatorMs = timed(() -> assertNotNull(app.login("localhost", "operator", TestApp.OPERATOR_PASSWORD)));
            HttpResponse<String> health = app.get("localhost", "/health", null);
            assertEquals(200, health.statusCode(), "health while a tenant is stalled: " + health.body());
            long baseMedian = median(baseline);
            long stallMedian = median(during);
            long stallMax = Arrays.stream(during).max().orElseThrow();
            System.out.printf("bulkhead: B median %d ms before, %d ms during A's stall (max %d ms); operator login %d ms;"
                    + " A held at most %d connections%n", baseMedian, stallMedian, stallMax, operatorMs, maxHeld.get());
            assertTrue(stallMedian <= 3 * baseMedian + 100, "B's median " + stallMedian + " ms vs " + baseMedian + " ms");
            assertTrue(stallMax < 2000, "B's slowest answer during the stall: " + stallMax + " ms");
            assertTrue(operatorMs < 3000, "operator login took " + operatorMs + " ms");
            assertTrue(maxHeld.get() <= perTenant, "A held " + maxHeld.get() + " connections");

            // A: every request answered, 503 tenant_busy with Retry-After, none later than the waits allow
            long bound = db.limits().waitMillis() + db.limits().lockTimeoutMillis() + 3000;
            for (Future<long[]> f : stalled) {
                long[] r = f.get(30, TimeUnit.SECONDS);
                assertEquals(503, r[0], "a stalled request");
                assertEquals(1, r[3], "the code says why");
                assertEquals(db.limits().retryAfterSeconds(), r[2], "Retry-After");
                assertTrue(r[1] <= bound, "a stalled request answered after " + r[1] + " ms (bound " + bound + ")");
            }
            assertEquals(0, checks(a, "sex"), "nothing of a refused answer was kept");
            side.rollback();
        } finally {
            pool.shutdownNow();
        }
        // the lock is gone: A serves again, and one answer is one row
        HttpResponse<String> again = app.call("PUT", a.org().host(), "/api/me/checks/sex", ANSWER, tokensA[0]);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(1, checks(a, "sex"));
    }

    /** The caps themselves, on a small pool of their own. */
    @Test
    void caps_are_per_tenant_nesting_takes_no_second_permit_and_the_platform_keeps_its_reserve() throws Exception {
        World a = aWorld();
        World b = aWorld();
        TestServices s = TestServices.get();
        try (HikariDataSource four = new HikariDataSource()) {
            four.setJdbcUrl(s.jdbcUrl());
            four.setUsername(s.user);
            four.setPassword(s.password);
            four.setMaximumPoolSize(4);
            four.setConnectionTimeout(2000);
            // one connection per tenant, two for all tenants, two kept for the platform
            Db db = new Db(four, new Db.Limits(4, 1, 2, 500, 20_000, 5_000, 900_000, 60_000, 7));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> holder = other.submit(() -> db.tenant(a.t().context(), c -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 1;
                }));
                assertTrue(holding.await(5, TimeUnit.SECONDS));

                DatabaseBusy busy = assertThrows(DatabaseBusy.class, () -> db.tenant(a.t().context(), c -> 1),
                        "A's one connection is taken");
                assertEquals("permits", busy.reason());
                assertEquals(7, busy.retryAfterSeconds());

                // B is not A: its work runs, and nested work on the same thread takes no second permit
                int nested = db.tenant(b.t().context(), c1 -> db.tenant(b.t().context(), c2 -> db.platform(c3 -> 3)));
                assertEquals(3, nested);

                // with B holding the last tenant permit, the platform still gets its connections
                int platform = db.tenant(b.t().context(), c -> db.platform(p1 -> db.platform(p2 -> 2)));
                assertEquals(2, platform);

                release.countDown();
                assertEquals(1, holder.get(5, TimeUnit.SECONDS));
                assertEquals(Integer.valueOf(1), db.tenant(a.t().context(), c -> 1), "A's permit came back");
                assertEquals(0, db.connectionsInUse(a.t().context()));
            } finally {
                release.countDown();
                other.shutdownNow();
            }

            // a statement past its timeout is "busy", and a job may ask for longer
            Db quick = new Db(four, new Db.Limits(4, 1, 2, 500, 300, 200, 5_000, 1_000, 7));
            DatabaseBusy slow = assertThrows(DatabaseBusy.class, () -> quick.tenant(a.t().context(), c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_sleep(1)");
                }
                return null;
            }));
            assertEquals("statement", slow.reason());
            assertEquals("57014", slow.sqlState());
            assertEquals(Integer.valueOf(1), quick.tenant(a.t().context(), c -> {
                quick.allowLongWork(c);
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_sleep(1)");
                }
                return 1;
            }));
        }
    }
}
