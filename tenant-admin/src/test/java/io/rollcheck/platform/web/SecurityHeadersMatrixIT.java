package io.rollcheck.platform.web;

import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer of the API port, whatever its status and whoever produced it (a controller, the tenant
 * edge, Micronaut Security, Micronaut's own routing and body handling, an unexpected exception),
 * carries the security headers and a request id; errors are problem+json with a stable code.
 */
class SecurityHeadersMatrixIT {

    static TestApp app;
    static Tenant t;
    static String host;
    static String studentToken;

    @BeforeAll
    static void start() {
        app = TestApp.start(Map.of("rollcheck.test.failing-route", "true",
                "rollcheck.security.ip-failures-per-minute", "8",
                "rollcheck.redis.prefix", "rctest-hdr-" + UUID.randomUUID() + ":"));
        t = app.aTenant();
        host = t.slug() + ".localhost";
        new OrgFixture(app, t, "hdr", 2);
        studentToken = app.login(host, "student2", OrgFixture.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void ok_200() {
        HttpResponse<String> r = app.get(host, "/api/portal", null);
        assertEquals(200, r.statusCode(), r.body());
        assertHeaders(r.headers(), "200");
    }

    @Test
    void no_token_401_is_a_problem_with_a_code() {
        HttpResponse<String> r = app.get(host, "/api/admin/students", null);
        assertProblem(r, 401, "unauthorized");
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), r.headers().map().toString());
        assertFalse(r.body().contains("_links"), r.body());
    }

    @Test
    void operator_route_without_token_401() {
        assertProblem(app.get("localhost", "/api/platform/signups", null), 401, "unauthorized");
    }

    @Test
    void wrong_role_403_is_a_problem_with_a_code() {
        HttpResponse<String> r = app.get(host, "/api/admin/students", studentToken);
        assertProblem(r, 403, "forbidden");
        assertFalse(r.body().contains("_links"), r.body());
    }

    @Test
    void unknown_route_404() {
        assertProblem(app.get(host, "/api/no-such-route", null), 404, "not_found");
    }

    @Test
    void unknown_host_404() {
        assertProblem(app.get("nobody-" + UUID.randomUUID().toString().substring(0, 6) + ".localhost", "/api/portal", null),
                404, "tenant_unknown");
    }

    @Test
    void too_large_413() throws IOException {
        Raw r = announce("/api/platform/signups", 200L * 1024 * 1024);
        assertEquals(413, r.status(), r.body());
        assertHeaders(r.headers(), "413");
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
        assertTrue(r.body().contains("\"code\":\"too_large\""), r.body());
    }

    @Test
    void unsupported_media_type_415() {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/platform/signups"))
                .header("Host", "localhost").header("Accept", "application/json").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        assertProblem(send(req), 415, "unsupported_media_type");
    }

    @Test
    void invalid_input_422() {
        assertProblem(app.post("localhost", "/api/platform/signups", "{\"nameZh\":\"\"}", null), 422, "validation_failed");
    }

    @Test
    void rate_limited_429() {
        // past the address's failure budget (8 here) a wrong password shuts that account for the address
        for (int i = 0; i < 10; i++) {
            app.post(host, "/api/auth/login", "{\"username\":\"nobody" + i + "\",\"password\":\"wrong-password\"}", null);
        }
        HttpResponse<String> r = app.post(host, "/api/auth/login",
                "{\"username\":\"nobody9\",\"password\":\"wrong-password\"}", null);
        assertProblem(r, 429, "rate_limited");
    }

    @Test
    void unexpected_failure_500_names_nothing_inside() {
        HttpResponse<String> r = app.get(host, "/api/test-only/fail", null);
        assertProblem(r, 500, "internal");
        assertFalse(r.body().contains("a bug in a handler"), r.body());
        assertFalse(r.body().contains("IllegalStateException"), r.body());
    }

    static void assertProblem(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertHeaders(r.headers(), String.valueOf(status));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0],
                status + ": " + r.headers().map());
        assertTrue(r.body().contains("\"code\":\"" + code + "\""), status + ": " + r.body());
        assertTrue(r.body().contains("\"status\":" + status), status + ": " + r.body());
    }

    static void assertHeaders(HttpHeaders h, String what) {
        assertEquals(List.of("nosniff"), h.allValues("X-Content-Type-Options"), what + " " + h.map());
        assertTrue(h.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), what + " " + h.map());
        assertEquals(List.of("DENY"), h.allValues("X-Frame-Options"), what + " " + h.map());
        assertTrue(h.firstValue("X-Request-Id").orElse("").matches("[A-Za-z0-9._-]{8,64}"), what + " " + h.map());
    }

    static HttpResponse<String> send(HttpRequest req) {
        try {
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Raw(int status, HttpHeaders headers, String body) {
    }

    /** The head of a JSON POST declaring {@code bytes} of body, none of which is sent; reads the whole answer. */
    static Raw announce(String path, long bytes) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json"
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            int status = Integer.parseInt(line(in).split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                headers.computeIfAbsent(l.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(l.substring(colon + 1).trim());
            }
            byte[] body;
            if (headers.containsKey("Content-Length")) {
                body = new byte[Integer.parseInt(headers.get("Content-Length").get(0))];
                in.readFully(body);
            } else {
                body = in.readAllBytes();
            }
            return new Raw(status, HttpHeaders.of(headers, (a, b) -> true), new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("the answer ended early: " + b);
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
