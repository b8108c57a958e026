package io.rollcheck.tenantadmin.apidoc;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.rollcheck.platform.testing.TestApp;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API description the server answers: valid OpenAPI, the same routes the running application serves
 * (both ways, so it cannot drift), and Swagger UI on the platform's host under a same-origin-only policy.
 */
class ApiDescriptionIT {

    static TestApp app;
    static OpenAPI doc;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        Answer r = yaml("localhost");
        assertEquals(200, r.statusCode(), r.body());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(r.body(), null, options);
        assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages(), "parser messages");
        doc = parsed.getOpenAPI();
        assertNotNull(doc);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_document_is_public_yaml_openapi_3_with_the_api_headers() {
        Answer r = yaml("localhost");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"), r.headers().toString());
        assertTrue(r.body().startsWith("openapi: 3."), r.body().substring(0, 40));
        assertTrue(doc.getOpenapi().startsWith("3."), doc.getOpenapi());
        assertEquals("default-src 'none'; frame-ancestors 'none'", header(r, "Content-Security-Policy"));
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        assertEquals("DENY", header(r, "X-Frame-Options"));
        assertEquals("no-referrer", header(r, "Referrer-Policy"));
        assertFalse(header(r, "X-Request-Id").isEmpty());
    }

    @Test
    void the_document_describes_exactly_the_routes_the_application_serves() {
        Set<String> served = new TreeSet<>();
        app.bean(Router.class).uriRoutes().forEach(route -> {
            String path = path(route);
            if (path.startsWith("/api/") && !isDocsRoute(path)) {
                served.add(route.getHttpMethodName() + " " + path);
            }
        });
        // Micronaut answers HEAD wherever it answers GET; the document names the GET
        served.removeIf(r -> r.startsWith("HEAD ") && served.contains("GET " + r.substring(5)));
        Set<String> described = new TreeSet<>();
        doc.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(m -> described.add(m.name() + " " + path)));
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(described);
        Set<String> extra = new TreeSet<>(described);
        extra.removeAll(served);
        assertTrue(missing.isEmpty() && extra.isEmpty(),
                "served but not described: " + missing + "\ndescribed but not served: " + extra);
        assertTrue(served.size() > 60, "routes seen: " + served.size());
    }

    @Test
    void every_operation_has_a_summary_a_success_its_errors_with_codes_and_its_roles() throws Exception {
        java.util.Properties bundle = new java.util.Properties();
        for (String name : List.of("i18n/platform_en.properties", "i18n/admin_en.properties")) {
            try (var in = ApiDescriptionIT.class.getClassLoader().getResourceAsStream(name)) {
                bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        java.util.Map<String, List<String>> securedByRoute = new java.util.HashMap<>();
        app.bean(Router.class).uriRoutes().forEach(route -> securedByRoute.put(
                route.getHttpMethodName() + " " + path(route),
                List.of(route.getAnnotationMetadata().stringValues(io.micronaut.security.annotation.Secured.class))));
        List<String> problems = new java.util.ArrayList<>();
        doc.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String id = method + " " + path;
            if (op.getSummary() == null || op.getSummary().isBlank()) {
                problems.add(id + ": no summary");
            }
            var responses = op.getResponses();
            if (responses.keySet().stream().noneMatch(c -> c.startsWith("2"))) {
                problems.add(id + ": no 2xx answer");
            }
            responses.forEach((status, response) -> {
                if (!status.startsWith("4")) {
                    return;
                }
                // the description starts with its codes: `a`, `b`: words
                String codes = response.getDescription().split(":")[0];
                var m = java.util.regex.Pattern.compile("`([a-zA-Z_.]+)`").matcher(codes);
                int found = 0;
                while (m.find()) {
                    found++;
                    if (!bundle.containsKey("problem." + m.group(1))) {
                        problems.add(id + ": " + status + " names an unknown problem code " + m.group(1));
                    }
                }
                if (found == 0) {
                    problems.add(id + ": " + status + " names no problem code: " + response.getDescription());
                }
                if (response.getContent() == null || response.getContent().get("application/problem+json") == null) {
                    problems.add(id + ": " + status + " is not problem+json");
                }
            });
            List<String> secured = securedByRoute.getOrDefault(id, List.of());
            boolean anonymous = secured.contains(io.micronaut.security.rules.SecurityRule.IS_ANONYMOUS);
            var security = op.getSecurity();
            if (anonymous) {
                if (security != null && !security.isEmpty()) {
                    problems.add(id + ": anonymous, yet described with " + security);
                }
                return;
            }
            List<String> roles = secured.contains(io.micronaut.security.rules.SecurityRule.IS_AUTHENTICATED) ? List.of()
                    : secured.stream().sorted().toList();
            List<String> described = security == null || security.size() != 1 || security.get(0).get("bearer") == null
                    ? null : security.get(0).get("bearer").stream().sorted().toList();
            if (!roles.equals(described)) {
                problems.add(id + ": @Secured " + roles + " but described roles " + described);
            }
            if (!responses.containsKey("401")) {
                problems.add(id + ": secured but no 401");
            }
            if (!roles.isEmpty() && (!responses.containsKey("403")
                    || !roles.stream().allMatch(r -> responses.get("403").getDescription().contains(r)))) {
                problems.add(id + ": its 403 does not name the roles " + roles);
            }
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void swagger_ui_is_served_from_the_class_path_under_a_same_origin_policy() {
        HttpResponse<byte[]> page = app.getBytes("localhost", "/api/docs", null,
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("swagger-ui-bundle.js") && html.contains("init.js"), html);
        assertFalse(html.contains("http://") || html.contains("https://"), "no other origin: " + html);
        assertSameOriginPolicy(page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));

        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui.css", "init.js")) {
            HttpResponse<byte[]> a = app.getBytes("localhost", "/api/docs/" + asset, null, "*/*");
            assertEquals(200, a.statusCode(), asset);
            assertTrue(a.body().length > 0, asset);
            assertSameOriginPolicy(a.headers().firstValue("Content-Security-Policy").orElse(""));
        }
        assertEquals(404, app.getBytes("localhost", "/api/docs/..%2Fpom.xml", null, "*/*").statusCode());
        assertEquals(404, app.getBytes("localhost", "/api/docs/nothing-here.js", null, "*/*").statusCode());
    }

    @Test
    void on_a_university_host_the_description_is_not_served() {
        String host = app.aTenant().slug() + ".localhost";
        Answer yml = yaml(host);
        assertEquals(404, yml.statusCode(), yml.body());
        assertTrue(yml.body().contains("\"code\":\"not_found\""), yml.body());
        assertEquals("default-src 'none'; frame-ancestors 'none'", header(yml, "Content-Security-Policy"));
        assertEquals(404, app.getBytes(host, "/api/docs", null, "text/html").statusCode());
        Answer unknown = yaml("nobody.localhost");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("\"code\":\"tenant_unknown\""), unknown.body());
    }

    /** Every source the page may use is its own origin ('self'), or a data: image; never inline or eval. */
    private static void assertSameOriginPolicy(String csp) {
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        for (String directive : csp.split(";")) {
            String[] parts = directive.strip().split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                String source = parts[i];
                boolean allowed = source.equals("'self'") || source.equals("'none'")
                        || (parts[0].equals("img-src") && source.equals("data:"));
                assertTrue(allowed, "source " + source + " in " + directive);
            }
        }
    }

    /** An answer read as text. */
    record Answer(int statusCode, String body, java.net.http.HttpHeaders headers) {
    }

    /** The document as a client that takes YAML asks for it. */
    private static Answer yaml(String host) {
        HttpResponse<byte[]> r = app.getBytes(host, "/api/openapi.yml", null, "application/yaml, */*;q=0.5");
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers());
    }

    private static boolean isDocsRoute(String path) {
        return path.equals("/api/openapi.yml") || path.equals("/api/docs") || path.startsWith("/api/docs/");
    }

    /** The route's path without its query variables ({@code {?a,b}}). */
    private static String path(UriRouteInfo<?, ?> route) {
        String t = route.getUriMatchTemplate().toString();
        int q = t.indexOf("{?");
        return q < 0 ? t : t.substring(0, q);
    }

    private static String header(Answer r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

}
