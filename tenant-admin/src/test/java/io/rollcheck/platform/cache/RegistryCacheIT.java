package io.rollcheck.platform.cache;

import io.rollcheck.platform.services.EmbeddedServices;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantOperations;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryCacheIT {

    @Test
    void a_suspension_made_on_one_instance_is_enforced_by_another_within_one_second() {
        try (TestApp one = TestApp.start(); TestApp two = TestApp.start()) {
            Tenant t = one.aTenant();
            String host = t.slug() + ".localhost";
            // both nodes now hold the tenant in their near cache
            assertEquals(200, one.get(host, "/api/portal", null).statusCode());
            assertEquals(200, two.get(host, "/api/portal", null).statusCode());

            long t0 = System.nanoTime();
            one.bean(TenantOperations.class).suspend(t.slug(), "test", "operator", null);
            int status = 200;
            long elapsedMs = 0;
            while (status != 403 && elapsedMs < 5_000) {
                status = two.get(host, "/api/portal", null).statusCode();
                elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            }
            assertEquals(403, status, "second node still serves the suspended tenant");
            assertTrue(elapsedMs < 1_000, "took " + elapsedMs + " ms");

            one.bean(TenantOperations.class).resume(t.slug(), "operator", null);
            long t1 = System.nanoTime();
            while (two.get(host, "/api/portal", null).statusCode() != 200 && System.nanoTime() - t1 < 5_000_000_000L) {
                Thread.onSpinWait();
            }
            assertTrue((System.nanoTime() - t1) / 1_000_000 < 1_000);
        }
    }

    @Test
    void with_redis_down_the_registry_is_read_from_postgresql_and_users_see_no_error() throws Exception {
        String deadRedis = "redis://127.0.0.1:" + EmbeddedServices.freePort();
        try (TestApp healthy = TestApp.start(); TestApp noRedis = TestApp.start(Map.of("rollcheck.redis.url", deadRedis))) {
            Tenant t = healthy.aTenant();
            HttpResponse<String> r = noRedis.get(t.slug() + ".localhost", "/api/portal", null);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains(t.nameZh()));
            assertEquals(404, noRedis.get("missing-one.localhost", "/api/portal", null).statusCode());
            HttpResponse<String> health = noRedis.get("localhost", "/health", null);
            assertTrue(health.body().contains("redis"), health.body());
            assertEquals(200, health.statusCode(), "Redis away degrades the node, it does not take it out: " + health.body());
            assertTrue(health.body().contains("DEGRADED"), health.body());
        }
    }
}
