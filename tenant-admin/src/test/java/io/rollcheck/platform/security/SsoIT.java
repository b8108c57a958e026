package io.rollcheck.platform.security;

import io.rollcheck.tenantadmin.testing.Rosters;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.services.EmbeddedServices;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in through a real OpenID provider started in the test (mock-oauth2-server). */
class SsoIT {

    static MockOAuth2Server idp;
    static TestApp app;
    static Tenant a;
    static Tenant b;

    @BeforeAll
    static void start() throws Exception {
        idp = new MockOAuth2Server();
        idp.start(EmbeddedServices.freePort());
        app = TestApp.start();
        a = app.aTenant();
        b = app.aTenant();
        for (NewStudent s : Rosters.aRoster("2025", 2, null, null)) {
            app.bean(Students.class).upsert(a.context(), s);
        }
        configure(a, "uni-a", "rollcheck-a");
        configure(b, "uni-b", "rollcheck-b");
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.shutdown();
    }

    static void configure(Tenant t, String issuerId, String clientId) {
        app.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        String token = app.login(t.slug() + ".localhost", "admin", "registrar-pass-1");
        String body = "{\"issuer\":\"" + idp.issuerUrl(issuerId) + "\",\"clientId\":\"" + clientId
                + "\",\"clientSecret\":\"secret-" + clientId + "\",\"usernameClaim\":\"student_no\"}";
        assertEquals(204, app.call("PUT", t.slug() + ".localhost", "/api/admin/sso", body, token).statusCode());
    }

    @Test
    void signing_in_through_the_provider_lands_the_right_student() throws Exception {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("uni-a", "subject-1", "JWT", List.of("rollcheck-a"),
                Map.of("student_no", "20250002"), 3600));
        String host = a.slug() + ".localhost";
        String redirect = "http://" + host + ":" + app.port() + "/api/auth/sso/callback";
        HttpResponse<String> start = app.get(host, "/api/auth/sso/start?redirectUri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8), null);
        assertEquals(303, start.statusCode(), start.body());
        String authorize = start.headers().firstValue("location").orElseThrow();
        assertTrue(authorize.startsWith(idp.authorizationEndpointUrl("uni-a").toString()), authorize);

        // the browser's part: the provider signs the user in and sends him back with a code
        HttpResponse<Void> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        URI callback = URI.create(back.headers().firstValue("location").orElseThrow());
        assertTrue(callback.toString().startsWith(redirect), callback.toString());
        Map<String, String> q = query(callback);

        HttpResponse<String> done = app.get(host, "/api/auth/sso/callback?code=" + q.get("code") + "&state=" + q.get("state"), null);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("\"username\":\"20250002\"") && done.body().contains("\"roles\":[\"STUDENT\"]"), done.body());

        // the same state cannot be used twice
        assertEquals(401, app.get(host, "/api/auth/sso/callback?code=" + q.get("code") + "&state=" + q.get("state"), null).statusCode());
    }

    @Test
    void an_id_token_from_another_tenants_issuer_is_refused() throws Exception {
        Sso sso = app.bean(Sso.class);
        Sso.Config configB = sso.config(b.context()).orElseThrow();
        Map<String, Object> metaB = sso.discover(configB.issuer());
        Map<String, Object> claims = new HashMap<>(Map.of("student_no", "20250001", "nonce", "n-1"));
        String fromA = idp.issueToken("uni-a", "rollcheck-b", new DefaultOAuth2TokenCallback("uni-a", "subject-1", "JWT",
                List.of("rollcheck-b"), claims, 3600)).serialize();
        assertThrows(Exception.class, () -> sso.verify(configB, metaB, fromA, "n-1"), "issuer of tenant A on tenant B");
        String fromB = idp.issueToken("uni-b", "rollcheck-b", new DefaultOAuth2TokenCallback("uni-b", "subject-1", "JWT",
                List.of("rollcheck-b"), claims, 3600)).serialize();
        assertEquals("20250001", sso.verify(configB, metaB, fromB, "n-1").getClaim("student_no"));
        assertThrows(Exception.class, () -> sso.verify(configB, metaB, fromB, "other-nonce"), "nonce of another sign-in");
    }

    @Test
    void a_redirect_to_another_host_is_refused() {
        String host = a.slug() + ".localhost";
        String evil = URLEncoder.encode("http://" + b.slug() + ".localhost:8080/sso/callback", StandardCharsets.UTF_8);
        assertEquals(422, app.get(host, "/api/auth/sso/start?redirectUri=" + evil, null).statusCode());
    }

    static Map<String, String> query(URI u) {
        Map<String, String> m = new HashMap<>();
        for (String kv : u.getRawQuery().split("&")) {
            int i = kv.indexOf('=');
            m.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
