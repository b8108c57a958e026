package io.rollcheck.platform.cache;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.services.EmbeddedServices;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13, item 4: a Redis that comes back with its data (a restart from its dump, a healed
 * partition, a promoted replica) must not serve what was cached before an outage during which
 * invalidations were lost; and Redis away must not make the node look dead to a load balancer.
 */
class CacheEpochIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static Process startRedis(int port, Path dir) throws IOException {
        return new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what);
            Thread.sleep(50);
        }
    }

    static String status(TestApp node, String host, String token) throws IOException {
        HttpResponse<String> r = node.get(host, "/api/me/campaign", token);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode json = node.bean(ObjectMapper.class).readValue(r.body(), JsonNode.class);
        return json.get("status").getStringValue();
    }

    @Test
    void a_redis_back_with_its_pre_outage_data_serves_none_of_it_and_health_stays_200() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server not installed");
        Path dir = Files.createTempDirectory("rc-redis");
        int port = EmbeddedServices.freePort();
        Process redis = startRedis(port, dir);
        Map<String, Object> props = Map.of("rollcheck.redis.url", "redis://127.0.0.1:" + port);
        try (TestApp one = TestApp.start(props); TestApp two = TestApp.start(props)) {
            Redis r1 = one.bean(Redis.class);
            CacheEpoch e1 = one.bean(CacheEpoch.class);
            CacheEpoch e2 = two.bean(CacheEpoch.class);
            await("both nodes trust their caches", () -> e1.trusted() && e2.trusted());
            Tenant t = one.aTenant();
            OrgFixture org = new OrgFixture(one, t, "E" + t.id(), 2);
            CampaignFixture.publish(one, t, "2025级新生学籍核对", CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE));
            String token = one.login(org.host(), "student2", OrgFixture.PASSWORD);

            // the state is cached on both nodes and in Redis
            assertEquals("NOT_STARTED", status(one, org.host(), token));
            assertEquals("NOT_STARTED", status(two, org.host(), token));
            long before = e1.current();
            String oldKeys = r1.prefix() + "cache:e" + before + ":selfcheck-state:*";
            assertFalse(r1.call(c -> c.keys(oldKeys)).orElseThrow().isEmpty(), "the state is in Redis");

            // Redis writes what it holds to disk and dies; the student answers while it is away
            assertEquals("OK", r1.call(c -> c.save()).orElseThrow());
            redis.destroyForcibly();
            redis.waitFor();
            Redis r2 = two.bean(Redis.class);
            await("both nodes see Redis gone", () -> !r1.ping() && !r2.ping());
            HttpResponse<String> answer = one.call("PUT", org.host(), "/api/me/checks/sex", "{\"answer\":\"MATCH\"}", token);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("CHECKING", status(one, org.host(), token), "node one reads PostgreSQL");
            assertEquals("CHECKING", status(two, org.host(), token), "node two does not trust its memory either");

            // Redis away: the node is degraded, not dead
            for (String path : List.of("/health", "/health/readiness", "/health/liveness")) {
                HttpResponse<String> h = two.get("localhost", path, null);
                assertEquals(200, h.statusCode(), path + ": " + h.body());
            }
            assertTrue(two.get("localhost", "/health", null).body().contains("DEGRADED"));

            // Redis comes back with the pre-outage entries
            redis = startRedis(port, dir);
            await("Redis is back", r1::ping);
            assertFalse(r1.call(c -> c.keys(oldKeys)).orElseThrow().isEmpty(), "the old entries came back from disk");
            await("both nodes trust their caches again", () -> e1.trusted() && e2.trusted());
            for (int i = 0; i < 3; i++) {
                assertEquals("CHECKING", status(one, org.host(), token), "node one after the outage");
                assertEquals("CHECKING", status(two, org.host(), token), "node two after the outage");
            }
            assertTrue(e1.current() > before && e2.current() == e1.current(),
                    "the epoch was raised: " + before + " -> " + e1.current() + "/" + e2.current());
            // answering on goes on where the student stands, on either node
            HttpResponse<String> next = two.call("PUT", org.host(), "/api/me/checks/name", "{\"answer\":\"MATCH\"}", token);
            assertEquals(200, next.statusCode(), next.body());
            assertEquals("200", Integer.toString(two.get("localhost", "/health", null).statusCode()));
        } finally {
            redis.destroyForcibly();
            redis.waitFor();
        }
    }

    @Test
    void a_raised_epoch_reaches_the_other_node_and_retires_its_memory() throws Exception {
        try (TestApp one = TestApp.start(); TestApp two = TestApp.start()) {
            CacheEpoch e1 = one.bean(CacheEpoch.class);
            CacheEpoch e2 = two.bean(CacheEpoch.class);
            await("both nodes trust their caches", () -> e1.trusted() && e2.trusted());
            TwoLevelCache<String> c2 = two.bean(CacheManager.class).create("epoch-test", String.class,
                    java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(10), 100);
            int[] loads = {0};
            assertEquals("v1", c2.get("k", k -> java.util.Optional.of("v" + ++loads[0])).orElseThrow());
            assertEquals("v1", c2.get("k", k -> java.util.Optional.of("v" + ++loads[0])).orElseThrow(), "cached");
            long before = e2.current();
            e1.invalidationLost();
            await("node two learns the new epoch", () -> e2.current() > before);
            assertEquals("v2", c2.get("k", k -> java.util.Optional.of("v" + ++loads[0])).orElseThrow(),
                    "nothing from before the raise is read");
        }
    }
}
