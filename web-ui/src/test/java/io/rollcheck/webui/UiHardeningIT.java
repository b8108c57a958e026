package io.rollcheck.webui;

import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rollcheck.webui.UiTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UI port's HTTP hardening: security headers on every response (pages, static files, edge error
 * pages, health), the session cookie's flags, no server banner, and the request body limit.
 */
class UiHardeningIT {

    private static RollcheckApp app;
    private static Tenant tenant;

    @BeforeAll
    static void start() {
        app = UiTestSupport.startApp();
        tenant = UiTestSupport.aTenant(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String host() {
        return tenant.slug() + ".localhost";
    }

    @Test
    void every_ui_response_carries_the_security_headers() {
        HttpResponse<String> page = get(app.uiPort(), host(), "/login", null);
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page.headers(), "tenant page");
        Matcher script = Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(page.body());
        assertTrue(script.find(), page.body());
        HttpResponse<String> js = get(app.uiPort(), host(), "/" + script.group(1), null);
        assertEquals(200, js.statusCode());
        assertSecurityHeaders(js.headers(), "static file");
        assertSecurityHeaders(get(app.uiPort(), "localhost", "/", null).headers(), "platform page");
        HttpResponse<String> unknown = get(app.uiPort(), "nobody-here.localhost", "/", null);
        assertEquals(404, unknown.statusCode());
        assertSecurityHeaders(unknown.headers(), "edge error page");
        assertSecurityHeaders(get(app.uiPort(), "127.0.0.1", "/health", null).headers(), "health");
    }

    @Test
    void every_status_of_the_ui_port_carries_the_security_headers() {
        HttpResponse<String> page = get(app.uiPort(), host(), "/", null);
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page.headers(), "200");
        // an unknown route: Vaadin answers the bootstrap page (200) and shows its not-found view inside
        assertSecurityHeaders(get(app.uiPort(), host(), "/no-such-page", null).headers(), "unknown route");
        HttpResponse<String> noHost = get(app.uiPort(), "nobody-here.localhost", "/login", null);
        assertEquals(404, noHost.statusCode());
        assertSecurityHeaders(noHost.headers(), "404 host");
        String cookie = sessionCookieHeader(page).split(";")[0];
        HttpResponse<String> elsewhere = get(app.uiPort(), "localhost", "/", cookie);
        assertEquals(403, elsewhere.statusCode(), "a session replayed on another site");
        assertSecurityHeaders(elsewhere.headers(), "403");
        assertTrue(elsewhere.headers().firstValue("X-Request-Id").isPresent());
        HttpResponse<String> nulInPath = get(app.uiPort(), host(), "/verify/AB%00CD", null);
        assertEquals(400, nulInPath.statusCode(), "Jetty refuses a NUL in the path itself");
        assertSecurityHeaders(nulInPath.headers(), "400 from Jetty");
        HttpResponse<String> nul = get(app.uiPort(), host(), "/login?next=a%00b", null);
        assertEquals(400, nul.statusCode(), "a control character in the query");
        assertSecurityHeaders(nul.headers(), "400");
        assertTrue(nul.body().contains("网址无效"), nul.body());
        // 413: request_bodies_over_ten_megabytes_are_refused; 503 past the session cap: UiSessionsIT
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax_and_secure_only_behind_https() {
        String cookie = sessionCookieHeader(get(app.uiPort(), host(), "/", null));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);

        Map<String, Object> p = new HashMap<>(TestServices.get().properties());
        p.put("rollcheck.ui.host", "127.0.0.1");
        p.put("rollcheck.public.scheme", "https");
        try (RollcheckApp behindTls = RollcheckApp.start(p, 0)) {
            HttpResponse<String> r = get(behindTls.uiPort(), host(), "/", null);
            String secure = sessionCookieHeader(r);
            assertTrue(secure.contains("Secure") && secure.contains("HttpOnly") && secure.contains("SameSite=Lax"), secure);
            assertTrue(r.headers().firstValue("Strict-Transport-Security").isPresent());
        }
    }

    @Test
    void request_bodies_over_ten_megabytes_are_refused() throws Exception {
        // the body is announced but not sent: the refusal comes from the declared length, and a client
        // still writing 11 MB when the server answers and closes could lose the answer to a reset
        RawAnswer r = announce("/?v-r=uidl&v-uiId=0", 11L * 1024 * 1024);
        assertEquals(413, r.status());
        assertSecurityHeaders(r.headers(), "413");
        assertFalse(r.body().contains("Jetty"), r.body());
        // an ordinary message size is let through to Vaadin (which answers for the missing UI itself)
        assertTrue(post(host(), "/?v-r=uidl&v-uiId=0", "{}".getBytes()).statusCode() != 413);
    }

    @Test
    void uploads_may_be_as_large_as_the_largest_roster_but_no_larger() throws Exception {
        String upload = io.rollcheck.webui.server.UiServer.UPLOAD_PATH + "0/not-a-key/upload";
        int roster = postExpecting(upload, 11 * 1024 * 1024);
        assertTrue(roster != 413 && roster > 0, "an 11 MB roster reaches Vaadin's upload handling: " + roster);
        assertEquals(413, postExpecting(upload, io.rollcheck.webui.server.UiServer.MAX_UPLOAD_BYTES + 1024));
        assertEquals(413, postExpecting("/?v-r=uidl&v-uiId=0", 11 * 1024 * 1024), "elsewhere 10 MB stays the limit");
    }

    /**
     * The status a POST of {@code bytes} gets, asked the way browsers and curl send large bodies
     * ("Expect: 100-continue": the body follows only when the server asks for it). A raw socket,
     * because the JDK 17 client waits forever when the answer is final before the body.
     */
    private static int postExpecting(String path, long bytes) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.uiPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host() + ":" + app.uiPort()
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + bytes
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            if (status != 100) {
                return status;
            }
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            }
            out.flush();
            String line = in.readLine();
            while (line != null && (!line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.1 100"))) {
                line = in.readLine();
            }
            return line == null ? -1 : Integer.parseInt(line.split(" ")[1]);
        }
    }

    private record RawAnswer(int status, HttpHeaders headers, String body) {
    }

    /** Sends the head of a POST declaring {@code bytes} of body, none of which is sent, and reads the whole answer. */
    private static RawAnswer announce(String path, long bytes) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.uiPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + host() + ":" + app.uiPort()
                    + "\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: " + bytes
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            int status = Integer.parseInt(readLine(in).split(" ")[1]);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            byte[] body;
            if (headers.containsKey("Content-Length")) {
                body = new byte[Integer.parseInt(headers.get("Content-Length").get(0))];
                in.readFully(body);
            } else {
                body = in.readAllBytes(); // chunked or unframed: the server closes, as asked
            }
            return new RawAnswer(status, HttpHeaders.of(headers, (a, b) -> true),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String readLine(java.io.DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("the answer ended early: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void assertSecurityHeaders(HttpHeaders h, String what) {
        String csp = h.firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
        assertTrue(csp.contains("default-src 'self'"), what + ": " + csp);
        assertTrue(csp.contains("object-src 'none'"), what + ": " + csp);
        assertEquals(List.of("nosniff"), h.allValues("X-Content-Type-Options"), what);
        assertEquals(List.of("same-origin"), h.allValues("Referrer-Policy"), what);
        assertEquals(List.of("DENY"), h.allValues("X-Frame-Options"), what);
        assertTrue(h.firstValue("Server").isEmpty(), what + ": the server does not name itself");
    }

    private static String sessionCookieHeader(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + r.headers().map()));
    }

    private static HttpResponse<String> post(String host, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.uiPort() + path))
                .timeout(Duration.ofSeconds(30)).header("Host", host + ":" + app.uiPort())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }
}
