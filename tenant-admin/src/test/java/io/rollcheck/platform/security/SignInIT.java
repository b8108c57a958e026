package io.rollcheck.platform.security;

import io.rollcheck.tenantadmin.testing.Rosters;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.Fixtures;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInIT {

    static TestApp app;
    static Tenant t;
    static String host;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("rollcheck.security.lockout", "2s"));
        t = app.aTenant();
        host = t.slug() + ".localhost";
        app.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        for (NewStudent s : Rosters.aRoster("2025", 4, null, null)) {
            app.bean(Students.class).upsert(t.context(), s);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String creds(String u, String p) {
        return "{\"username\":\"" + u + "\",\"password\":\"" + p + "\"}";
    }

    @Test
    void a_student_signs_in_first_with_the_initial_secret_and_must_then_set_a_password() {
        String id = Fixtures.ID_NUMBERS.get(3); // ends in X
        String last6 = id.substring(12);
        HttpResponse<String> first = app.post(host, "/api/auth/login", creds("20250004", last6.toLowerCase()), null);
        assertEquals(403, first.statusCode(), first.body());
        assertTrue(first.body().contains("password_change_required"));

        HttpResponse<String> weak = app.post(host, "/api/auth/password",
                "{\"username\":\"20250004\",\"currentPassword\":\"" + last6 + "\",\"newPassword\":\"12345678901\"}", null);
        assertEquals(422, weak.statusCode(), weak.body());

        HttpResponse<String> changed = app.post(host, "/api/auth/password",
                "{\"username\":\"20250004\",\"currentPassword\":\"" + last6 + "\",\"newPassword\":\"new-pass-2025\"}", null);
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("\"roles\":[\"STUDENT\"]"), changed.body());

        assertEquals(401, app.post(host, "/api/auth/login", creds("20250004", last6), null).statusCode(),
                "the initial secret stops working once a password is set");
        assertEquals(200, app.post(host, "/api/auth/login", creds("20250004", "new-pass-2025"), null).statusCode());
    }

    @Test
    void a_university_may_choose_the_birth_date_as_initial_secret() {
        Tenant other = app.aTenant();
        String h = other.slug() + ".localhost";
        app.bean(TenantAccounts.class).setPassword(other.context(), "admin", "registrar-pass-1");
        for (NewStudent s : Rosters.aRoster("2030", 1, null, null)) {
            app.bean(Students.class).upsert(other.context(), s);
        }
        String admin = app.login(h, "admin", "registrar-pass-1");
        assertTrue(app.get(h, "/api/auth/initial-secret", null).body().contains("ID_LAST6"));
        assertEquals(422, app.call("PUT", h, "/api/admin/settings/initial-secret", "{\"mode\":\"NAME\"}", admin).statusCode());
        assertEquals(204, app.call("PUT", h, "/api/admin/settings/initial-secret", "{\"mode\":\"BIRTH_DATE\"}", admin).statusCode());
        assertTrue(app.get(h, "/api/auth/initial-secret", null).body().contains("BIRTH_DATE"));
        String birth = io.rollcheck.platform.validation.IdNumbers.birthDate(Fixtures.ID_NUMBERS.get(0)).toString().replace("-", "");
        assertEquals(401, app.post(h, "/api/auth/login", creds("20300001", Fixtures.ID_NUMBERS.get(0).substring(12)), null).statusCode());
        HttpResponse<String> first = app.post(h, "/api/auth/login", creds("20300001", birth), null);
        assertEquals(403, first.statusCode(), first.body());
        assertTrue(first.body().contains("password_change_required"));
    }

    @Test
    void failures_never_tell_whether_the_user_exists() {
        HttpResponse<String> unknown = app.post(host, "/api/auth/login", creds("nobody-" + UUID.randomUUID(), "whatever-1"), null);
        HttpResponse<String> wrong = app.post(host, "/api/auth/login", creds("admin", "wrong-password-1"), null);
        HttpResponse<String> wrongStudent = app.post(host, "/api/auth/login", creds("20250001", "000000"), null);
        assertEquals(401, unknown.statusCode());
        assertEquals(unknown.body(), wrong.body());
        assertEquals(unknown.body(), wrongStudent.body());
        app.post(host, "/api/auth/login", creds("admin", "registrar-pass-1"), null);
    }

    @Test
    void the_sixth_attempt_is_refused_even_with_the_right_password_until_the_lock_expires() throws Exception {
        app.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        String user = "20250002";
        String secret = Fixtures.ID_NUMBERS.get(1).substring(12);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, app.post(host, "/api/auth/login", creds(user, "bad-" + i), null).statusCode());
        }
        HttpResponse<String> locked = app.post(host, "/api/auth/login", creds(user, secret), null);
        assertEquals(423, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("account_locked"));
        long lockedAt = System.nanoTime();
        int status = 423;
        while (status == 423 && System.nanoTime() - lockedAt < 10_000_000_000L) {
            status = app.post(host, "/api/auth/login", creds(user, secret), null).statusCode();
        }
        long heldMs = (System.nanoTime() - lockedAt) / 1_000_000;
        assertEquals(403, status, "after the lock the right secret is accepted again (and asks for a password change)");
        assertTrue(heldMs >= 1_000, "the lock of this test context lasts 2 s; it held only " + heldMs + " ms");
    }

    @Test
    void the_per_ip_failure_budget_is_counted_across_two_instances_sharing_redis() {
        Map<String, Object> limits = Map.of("rollcheck.security.ip-failures-per-minute", "6",
                "rollcheck.redis.prefix", "rctest-ip-" + UUID.randomUUID() + ":");
        try (TestApp one = TestApp.start(limits); TestApp two = TestApp.start(limits)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(401, one.post(host, "/api/auth/login", creds("x" + i, "bad-password"), null).statusCode());
                assertEquals(401, two.post(host, "/api/auth/login", creds("y" + i, "bad-password"), null).statusCode());
            }
            // the seventh failure of the address (four on this node): over budget, this account is shut for it
            assertEquals(401, one.post(host, "/api/auth/login", creds("z", "bad-password"), null).statusCode());
            HttpResponse<String> after = two.post(host, "/api/auth/login", creds("z", "bad-password"), null);
            assertEquals(429, after.statusCode(), after.body());
            assertTrue(after.body().contains("\"retryAfterSeconds\""), after.body());
            // a right password is not held back by the address's budget
            assertEquals(200, two.post(host, "/api/auth/login", creds("admin", "registrar-pass-1"), null).statusCode());
        }
    }

    @Test
    void behind_a_trusted_proxy_the_limit_counts_the_client_address_not_the_proxy() {
        Map<String, Object> props = Map.of("rollcheck.security.ip-failures-per-minute", "3", "rollcheck.api.client-address-header",
                "X-Forwarded-For", "rollcheck.redis.prefix", "rctest-xff-" + UUID.randomUUID() + ":");
        try (TestApp proxied = TestApp.start(props)) {
            for (int client = 1; client <= 3; client++) {
                for (int i = 0; i < 3; i++) {
                    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + proxied.port() + "/api/auth/login"))
                            .header("Host", host).header("Content-Type", "application/json")
                            .header("X-Forwarded-For", "203.0.113." + client + ", 10.0.0.1")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(creds("nobody" + i, "bad-password")));
                    try {
                        int status = java.net.http.HttpClient.newHttpClient().send(b.build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                        assertEquals(401, status, "client " + client + " attempt " + i);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            long rows = app.bean(io.rollcheck.platform.db.Db.class).tenant(t.context(), c -> {
                var rs = c.createStatement().executeQuery("SELECT count(DISTINCT ip) FROM audit_log WHERE ip LIKE '203.0.113.%'");
                rs.next();
                return rs.getLong(1);
            });
            assertEquals(3, rows, "the audit log names each client, not the proxy");
        }
    }

    @Test
    void logout_revokes_the_token() {
        String token = app.login(host, "admin", "registrar-pass-1");
        assertEquals(201, app.post(host, "/api/portal/notices", "{\"title\":\"t\",\"body\":\"b\"}", token).statusCode());
        assertEquals(204, app.post(host, "/api/auth/logout", "{}", token).statusCode());
        HttpResponse<String> after = app.post(host, "/api/portal/notices", "{\"title\":\"t2\",\"body\":\"b\"}", token);
        assertTrue(after.statusCode() == 401 || after.statusCode() == 403, "status " + after.statusCode());
        assertFalse(after.body().contains("t2"));
    }
}
