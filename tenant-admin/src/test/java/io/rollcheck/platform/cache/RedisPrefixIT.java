package io.rollcheck.platform.cache;

import io.micronaut.context.ApplicationContext;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.tenancy.TenantOperations;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two deployments on one Redis are kept apart by the key prefix, which defaults to {@code rc:}. */
class RedisPrefixIT {

    @Test
    void without_a_configured_prefix_the_prefix_is_rc() {
        Map<String, Object> p = new HashMap<>(TestServices.get().properties());
        p.remove("rollcheck.redis.prefix");
        try (ApplicationContext c = ApplicationContext.builder().properties(p).deduceEnvironment(false).start()) {
            assertEquals("rc:", c.getEnvironment().getProperty("rollcheck.redis.prefix", String.class).orElse(null));
            Redis redis = c.getBean(Redis.class);
            assertEquals("rc:", redis.prefix());
            assertEquals("rc:cache:registry:x", redis.key("cache", "registry", "x"));
        }
    }

    @Test
    void an_empty_prefix_is_refused() {
        Map<String, Object> p = new HashMap<>(TestServices.get().properties());
        p.put("rollcheck.redis.prefix", "");
        try (ApplicationContext c = ApplicationContext.builder().properties(p).deduceEnvironment(false).start()) {
            Throwable e = assertThrows(RuntimeException.class, () -> c.getBean(Redis.class));
            while (e.getCause() != null) {
                e = e.getCause();
            }
            assertTrue(String.valueOf(e.getMessage()).contains("must not be empty"), String.valueOf(e));
        }
    }

    @Test
    void two_deployments_on_one_redis_share_no_cache_entry_lockout_or_invalidation() throws Exception {
        String pa = "rctest-a-" + UUID.randomUUID() + ":";
        String pb = "rctest-b-" + UUID.randomUUID() + ":";
        try (TestApp a = TestApp.start(Map.of("rollcheck.redis.prefix", pa));
             TestApp b = TestApp.start(Map.of("rollcheck.redis.prefix", pb))) {
            Redis ra = a.bean(Redis.class);
            Redis rb = b.bean(Redis.class);
            // (the two share a database here only to have the same university on both)
            Tenant t = a.aTenant();
            String host = t.slug() + ".localhost";

            // cache entries: each deployment's shared cache lives under its own prefix
            assertEquals(200, a.get(host, "/api/portal", null).statusCode());
            assertFalse(keys(ra, pa + "cache:*").isEmpty());
            assertTrue(keys(ra, pb + "*").isEmpty(), "A wrote nothing under B's prefix");
            assertEquals(200, b.get(host, "/api/portal", null).statusCode());
            assertFalse(keys(rb, pb + "cache:*").isEmpty());

            // failure counters: three failures on each deployment; shared counters would reach five and
            // lock (the locks themselves live in PostgreSQL, shared here because the database is)
            a.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
            for (int i = 0; i < 3; i++) {
                a.post(host, "/api/auth/login", "{\"username\":\"admin\",\"password\":\"wrong-a" + i + "\"}", null);
                b.post(host, "/api/auth/login", "{\"username\":\"admin\",\"password\":\"wrong-b" + i + "\"}", null);
            }
            HttpResponse<String> onA = a.post(host, "/api/auth/login",
                    "{\"username\":\"admin\",\"password\":\"registrar-pass-1\"}", null);
            assertEquals(200, onA.statusCode(), "six failures split over two prefixes lock nothing: " + onA.body());
            assertFalse(keys(ra, pa + "t:*").isEmpty(), "A counts under its own prefix");
            assertFalse(keys(rb, pb + "t:*").isEmpty(), "B counts under its own prefix");

            // pub/sub: a message published by A reaches A's listeners only
            List<String> heardByA = new CopyOnWriteArrayList<>();
            List<String> heardByB = new CopyOnWriteArrayList<>();
            ra.onMessage((ch, m) -> heardByA.add(ch + "|" + m));
            rb.onMessage((ch, m) -> heardByB.add(ch + "|" + m));
            ra.publish("probe", "from-a");
            rb.publish("probe", "from-b");
            long until = System.currentTimeMillis() + 3_000;
            while ((heardByA.isEmpty() || heardByB.isEmpty()) && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            assertEquals(List.of("probe|from-a"), heardByA);
            assertEquals(List.of("probe|from-b"), heardByB);

            // so a suspension on A does not invalidate B's caches (B is another deployment)
            a.bean(TenantOperations.class).suspend(t.slug(), "test", "operator", null);
            assertEquals(403, a.get(host, "/api/portal", null).statusCode());
            Thread.sleep(1_000);
            assertEquals(200, b.get(host, "/api/portal", null).statusCode());
        }
    }

    private static List<String> keys(Redis redis, String pattern) {
        return redis.call(c -> c.keys(pattern)).orElseThrow();
    }
}
