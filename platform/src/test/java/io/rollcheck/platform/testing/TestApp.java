package io.rollcheck.platform.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.rollcheck.platform.PlatformStartup;
import io.rollcheck.platform.tenancy.Provisioning;
import io.rollcheck.platform.tenancy.SignupRequest;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.tenancy.Tenant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One running instance of the platform (context + API server) on the test services. Start two to
 * play two nodes. HTTP calls go to 127.0.0.1 with the Host header set, as Java cannot resolve
 * {@code *.localhost}.
 */
public final class TestApp implements AutoCloseable {

    public static final String OPERATOR_PASSWORD = "operator-test-pass-1";

    public final ApplicationContext context;
    public final EmbeddedServer server;
    public final PlatformStartup.Report startReport;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApp(ApplicationContext context) {
        this.context = context;
        this.startReport = context.getBean(PlatformStartup.class).run();
        this.server = context.getBean(EmbeddedServer.class);
        this.server.start();
    }

    public static TestApp start() {
        return start(Map.of());
    }

    public static TestApp start(Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>(TestServices.get().properties());
        p.putAll(overrides);
        return new TestApp(ApplicationContext.builder().properties(p).deduceEnvironment(false).start());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return server.getPort();
    }

    /** A fresh, unique sign-up. */
    public static SignupRequest aSignup() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return new SignupRequest("测试大学" + s, "Test University " + s, "u" + s, "张老师", "reg" + s + "@example.edu.cn",
                "13800138000", null);
    }

    /** Signs up and approves a fresh tenant; returns it ACTIVE. */
    public Tenant aTenant() {
        long id = bean(SignupService.class).submit(aSignup(), "127.0.0.1");
        return bean(Provisioning.class).approve(id, "operator", "127.0.0.1").tenant();
    }

    public HttpResponse<String> call(String method, String host, String path, String jsonBody, String token) {
        return call(method, host, path, jsonBody, token, "zh-CN");
    }

    public HttpResponse<String> call(String method, String host, String path, String jsonBody, String token,
                                     String acceptLanguage) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Host", host)
                .header("Accept", "application/json")
                .header("Accept-Language", acceptLanguage)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b, token);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String host, String path, String token) {
        return call("GET", host, path, null, token);
    }

    public HttpResponse<String> post(String host, String path, String json, String token) {
        return call("POST", host, path, json, token);
    }

    /** A multipart/form-data POST with one file part named {@code file}. */
    public HttpResponse<String> upload(String host, String path, String fileName, byte[] content, String token) {
        return upload("POST", host, path, fileName, content, token);
    }

    public HttpResponse<String> upload(String method, String host, String path, String fileName, byte[] content,
                                       String token) {
        String boundary = "----rollcheck" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(120))
                .header("Host", host)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b, token);
    }

    /**
     * A multipart/form-data POST: text parts from {@code fields}, file parts from {@code files}
     * (part name → {file name, bytes}).
     */
    public HttpResponse<String> multipart(String host, String path, java.util.Map<String, String> fields,
                                          java.util.Map<String, Object[]> files, String token) {
        String boundary = "----rollcheck" + UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + v + "\r\n").getBytes(utf8)));
        files.forEach((k, v) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\""
                    + v[0] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
            out.writeBytes((byte[]) v[1]);
            out.writeBytes("\r\n".getBytes(utf8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(120))
                .header("Host", host)
                .header("Accept", "application/json")
                .header("Accept-Language", "zh-CN")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        return send(b, token);
    }

    /** A GET returning bytes (PDFs, files). */
    public HttpResponse<byte[]> getBytes(String host, String path, String token, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(20)).header("Host", host).header("Accept", accept).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the API and returns the bearer token. */
    public String login(String host, String username, String password) {
        HttpResponse<String> r = post(host, "/api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        String body = r.body();
        int i = body.indexOf("\"accessToken\":\"") + 15;
        return body.substring(i, body.indexOf('"', i));
    }

    @Override
    public void close() {
        context.close();
    }
}
