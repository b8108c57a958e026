package io.rollcheck.platform.security;

import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpIT {

    static String secretOf(String body) {
        int i = body.indexOf("\"secret\":\"") + 10;
        return body.substring(i, body.indexOf('"', i));
    }

    static String login(String u, String p, String code) {
        return "{\"username\":\"" + u + "\",\"password\":\"" + p + "\"" + (code == null ? "" : ",\"totp\":\"" + code + "\"") + "}";
    }

    @Test
    void a_registrar_with_totp_needs_a_fresh_code_and_a_code_works_only_once() {
        try (TestApp app = TestApp.start()) {
            Tenant t = app.aTenant();
            String host = t.slug() + ".localhost";
            app.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
            String token = app.login(host, "admin", "registrar-pass-1");

            HttpResponse<String> begin = app.post(host, "/api/auth/totp", "{}", token);
            assertEquals(200, begin.statusCode(), begin.body());
            assertTrue(begin.body().contains("otpauth://totp/"), begin.body());
            String secret = secretOf(begin.body());
            Totp now = new Totp(Clock.systemUTC());
            Totp next = new Totp(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30)));
            String wrong = now.current(secret).equals("000000") ? "111111" : "000000";
            assertEquals(422, app.post(host, "/api/auth/totp/confirm", "{\"code\":\"" + wrong + "\"}", token).statusCode());
            assertEquals(204, app.post(host, "/api/auth/totp/confirm", "{\"code\":\"" + now.current(secret) + "\"}", token).statusCode());

            HttpResponse<String> noCode = app.post(host, "/api/auth/login", login("admin", "registrar-pass-1", null), null);
            assertEquals(401, noCode.statusCode());
            assertTrue(noCode.body().contains("totp_required"), noCode.body());
            HttpResponse<String> wrongPassword = app.post(host, "/api/auth/login", login("admin", "wrong-pass-1", null), null);
            assertTrue(wrongPassword.body().contains("bad_credentials"), "no code is asked before the password is right");

            String fresh = next.current(secret);
            HttpResponse<String> signedIn = app.post(host, "/api/auth/login", login("admin", "registrar-pass-1", fresh), null);
            assertEquals(200, signedIn.statusCode());
            HttpResponse<String> replay = app.post(host, "/api/auth/login", login("admin", "registrar-pass-1", fresh), null);
            assertEquals(401, replay.statusCode(), "a code is accepted once");
            assertTrue(replay.body().contains("bad_credentials"));

            // starting a new enrolment does not switch the active factor off
            String token2 = signedIn.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
            String pending = secretOf(app.post(host, "/api/auth/totp", "{}", token2).body());
            HttpResponse<String> stillNeeded = app.post(host, "/api/auth/login", login("admin", "registrar-pass-1", null), null);
            assertTrue(stillNeeded.body().contains("totp_required"), stillNeeded.body());
            assertTrue(pending.length() > 20);
            // changing the password needs the second factor too
            HttpResponse<String> changeWithoutCode = app.post(host, "/api/auth/password",
                    "{\"username\":\"admin\",\"currentPassword\":\"registrar-pass-1\",\"newPassword\":\"registrar-pass-2\"}", null);
            assertTrue(changeWithoutCode.body().contains("totp_required"), changeWithoutCode.body());
            assertTrue(app.post(host, "/api/auth/login", login("admin", "registrar-pass-2", null), null).body()
                    .contains("bad_credentials"), "the password did not change");
        }
    }

    @Test
    void an_operator_can_turn_on_totp_too() {
        try (TestApp app = TestApp.start()) {
            app.bean(Operators.class).setPassword("op-totp", "operator-pass-9");
            String token = app.login("localhost", "op-totp", "operator-pass-9");
            String secret = secretOf(app.post("localhost", "/api/auth/totp", "{}", token).body());
            assertEquals(204, app.post("localhost", "/api/auth/totp/confirm",
                    "{\"code\":\"" + new Totp(Clock.systemUTC()).current(secret) + "\"}", token).statusCode());
            assertTrue(app.post("localhost", "/api/auth/login", login("op-totp", "operator-pass-9", null), null)
                    .body().contains("totp_required"));
            String fresh = new Totp(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30))).current(secret);
            assertEquals(200, app.post("localhost", "/api/auth/login", login("op-totp", "operator-pass-9", fresh), null).statusCode());
        }
    }
}
