package io.rollcheck.platform.security;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.rollcheck.platform.cache.Redis;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.services.EmbeddedServices;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sign-in limits against a campus behind one address (issue 13, item 3; threat model in
 * {@code docs/security-signin.md}). The clients' addresses come from X-Forwarded-For, as behind the
 * production proxy; each test takes addresses of its own.
 */
class SignInLimitsIT {

    static final String PW = OrgFixture.PASSWORD;
    static final int IP_BUDGET = 10;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(props(Map.of()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, Object> props(Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put("rollcheck.api.client-address-header", "X-Forwarded-For");
        p.put("rollcheck.security.ip-failures-per-minute", Integer.toString(IP_BUDGET));
        // the name the setting had before: the same budget, so this test means the same on the old code
        p.put("rollcheck.security.ip-per-minute", Integer.toString(IP_BUDGET));
        return p;
    }

    static String anIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static HttpResponse<String> call(TestApp on, String host, String ip, String path, String json, String token,
                                     String lang) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Host", host).header("X-Forwarded-For", ip).header("Accept-Language", lang)
                .header("Content-Type", "application/json")
                .method(json == null ? "GET" : path.startsWith("/api/me/checks") ? "PUT" : "POST",
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> login(TestApp on, String host, String ip, String user, String password) {
        return call(on, host, ip, "/api/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null, "zh-CN");
    }

    static String token(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return json(r).get("accessToken").getStringValue();
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return app.bean(ObjectMapper.class).readValue(r.body(), JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal that says what it is and how long to wait, in the body and in Retry-After. */
    static long assertWait(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode body = json(r);
        assertEquals(code, body.get("code").getStringValue());
        long seconds = body.get("retryAfterSeconds").getLongValue();
        assertTrue(seconds > 0, r.body());
        assertEquals(Long.toString(seconds), r.headers().firstValue("Retry-After").orElse(null));
        return seconds;
    }

    static void assertLocked(HttpResponse<String> r) {
        assertEquals(423, r.statusCode(), r.body());
        assertEquals(LoginGuard.LOCKED, json(r).get("code").getStringValue());
    }

    static String aCampus(Tenant t) {
        new OrgFixture(app, t, "S" + t.id(), 2);
        CampaignFixture.publish(app, t, "2025级本科新生学籍核对",
                CampaignFixture.aCampaign(LocalDate.now(ZoneId.of("Asia/Shanghai")), 10, CampaignContent.LatePolicy.REFUSE));
        return t.slug() + ".localhost";
    }

    @Test
    void the_nat_signer_signs_with_the_right_password_after_the_campus_address_used_up_its_budget() {
        String host = aCampus(app.aTenant());
        String campus = anIp();
        // classmates behind the same address mistype, more than the address's budget
        for (int i = 0; i < IP_BUDGET + 5; i++) {
            int status = login(app, host, campus, "2025" + String.format("%04d", 9000 + i), "typo-" + i).statusCode();
            assertTrue(i < IP_BUDGET ? status == 401 : status != 200, "classmate " + i + ": " + status);
        }
        // one of them signs in and signs, from the same address, with the right password
        String tok = token(login(app, host, campus, "student2", PW));
        for (String f : List.of("name", "sex", "idNumber", "phone", "major")) {
            assertEquals(200, call(app, host, campus, "/api/me/checks/" + f, "{\"answer\":\"MATCH\"}", tok, "zh-CN").statusCode());
        }
        HttpResponse<String> typo = call(app, host, campus, "/api/me/signature", "{\"password\":\"not-it-1\"}", tok, "zh-CN");
        assertEquals(422, typo.statusCode(), typo.body());
        assertTrue(typo.body().contains("reauth.password.wrong"), typo.body());
        HttpResponse<String> signed = call(app, host, campus, "/api/me/signature", "{\"password\":\"" + PW + "\"}", tok, "zh-CN");
        assertEquals(200, signed.statusCode(), signed.body());
        // and another, who had not mistyped, still signs in
        token(login(app, host, campus, "monitor1", PW));
    }

    @Test
    void a_locked_sign_in_says_so_with_the_wait_in_seconds_in_both_languages() {
        String host = aCampus(app.aTenant());
        String ip = anIp();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(app, host, ip, "student2", "bad-" + i).statusCode());
        }
        HttpResponse<String> zh = login(app, host, ip, "student2", PW);
        long seconds = assertWait(zh, 423, LoginGuard.LOCKED);
        assertTrue(seconds > 800 && seconds <= 900, "15 minutes: " + seconds);
        assertTrue(json(zh).get("title").getStringValue().contains(seconds + " 秒后再试"), zh.body());
        HttpResponse<String> en = call(app, host, ip, "/api/auth/login",
                "{\"username\":\"student2\",\"password\":\"" + PW + "\"}", null, "en");
        assertWait(en, 423, LoginGuard.LOCKED);
        assertTrue(json(en).get("title").getStringValue().contains("wait "), en.body());
    }

    @Test
    void a_locked_signature_reauthentication_says_so_with_the_wait_not_wrong_password() {
        String host = aCampus(app.aTenant());
        String ip = anIp();
        String tok = token(login(app, host, ip, "student2", PW));
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = call(app, host, ip, "/api/me/signature", "{\"password\":\"bad-" + i + "\"}", tok, "zh-CN");
            assertEquals(422, wrong.statusCode(), wrong.body());
        }
        HttpResponse<String> locked = call(app, host, ip, "/api/me/signature", "{\"password\":\"" + PW + "\"}", tok, "zh-CN");
        assertWait(locked, 423, LoginGuard.LOCKED);
        assertTrue(json(locked).get("title").getStringValue().contains("秒后再试"), locked.body());
    }

    @Test
    void an_attacker_failing_against_admin_from_elsewhere_does_not_keep_the_registrar_out() {
        String host = aCampus(app.aTenant());
        String attacker = anIp();
        for (int i = 0; i < 8; i++) {
            int status = login(app, host, attacker, "admin", "guess-" + i).statusCode();
            assertTrue(status == 401 || status == 423, "attempt " + i + ": " + status);
        }
        assertWait(login(app, host, attacker, "admin", PW), 423, LoginGuard.LOCKED);
        token(login(app, host, anIp(), "admin", PW));
    }

    @Test
    void guessing_across_many_accounts_from_one_address_is_slowed() {
        String host = aCampus(app.aTenant());
        String attacker = anIp();
        for (int i = 0; i < IP_BUDGET; i++) {
            assertEquals(401, login(app, host, attacker, "nobody" + i, "123456-" + i).statusCode());
        }
        // over the budget: one guess per account, then that account is shut for this address
        assertEquals(401, login(app, host, attacker, "student2", "123456").statusCode());
        assertWait(login(app, host, attacker, "student2", "654321"), 429, LoginGuard.RATE_LIMITED);
        assertWait(login(app, host, attacker, "student2", PW), 429, LoginGuard.RATE_LIMITED);
        // under the budget an account gets five guesses from one address
        String other = anIp();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(app, host, other, "monitor1", "guess-" + i).statusCode());
        }
        token(login(app, host, other, "monitor1", PW));
        // and its owner elsewhere is not held back
        token(login(app, host, anIp(), "student2", PW));
    }

    @Test
    void failures_from_many_addresses_slow_the_account_down_everywhere() {
        try (TestApp strict = TestApp.start(props(Map.of("rollcheck.security.account-max-failures", "6")))) {
            Tenant t = strict.aTenant();
            new OrgFixture(strict, t, "S" + t.id(), 2);
            String host = t.slug() + ".localhost";
            for (int i = 0; i < 7; i++) {
                assertEquals(401, login(strict, host, anIp(), "admin", "spray-" + i).statusCode());
            }
            long wait = assertWait(login(strict, host, anIp(), "admin", PW), 423, LoginGuard.LOCKED);
            assertTrue(wait <= 2, "the first delay is short: " + wait);
        }
    }

    @Test
    void locks_survive_redis_going_away_and_coming_back() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server not installed");
        int port = EmbeddedServices.freePort();
        Process redis = startRedis(port);
        try (TestApp node = TestApp.start(props(Map.of("rollcheck.redis.url", "redis://127.0.0.1:" + port)))) {
            String host = aCampus(node.aTenant());
            Redis client = node.bean(Redis.class);
            awaitRedis(client, true);
            // a lock made while Redis is up holds while it is away
            String ip = anIp();
            for (int i = 0; i < 5; i++) {
                assertEquals(401, login(node, host, ip, "student2", "bad-" + i).statusCode());
            }
            assertLocked(login(node, host, ip, "student2", PW));
            redis.destroy();
            redis.waitFor();
            awaitRedis(client, false);
            assertLocked(login(node, host, ip, "student2", PW));

            // a lock made while Redis is away holds after it is back
            String ip2 = anIp();
            for (int i = 0; i < 5; i++) {
                assertEquals(401, login(node, host, ip2, "monitor1", "bad-" + i).statusCode());
            }
            assertLocked(login(node, host, ip2, "monitor1", PW));
            redis = startRedis(port);
            awaitRedis(client, true);
            assertLocked(login(node, host, ip2, "monitor1", PW));
            assertLocked(login(node, host, ip, "student2", PW));
            // on every node, the one that never saw the outage as well
            try (TestApp other = TestApp.start(props(Map.of("rollcheck.redis.url", "redis://127.0.0.1:" + port)))) {
                assertLocked(login(other, host, ip2, "monitor1", PW));
                token(login(other, host, anIp(), "monitor1", PW));
            }
        } finally {
            redis.destroy();
            redis.waitFor();
        }
    }

    static Process startRedis(int port) throws IOException {
        return new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void awaitRedis(Redis client, boolean up) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (client.ping() != up) {
            assertTrue(System.nanoTime() < end, "Redis did not become " + (up ? "available" : "unavailable"));
            Thread.sleep(100);
        }
    }
}
