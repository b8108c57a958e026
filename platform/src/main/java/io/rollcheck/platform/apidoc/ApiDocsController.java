package io.rollcheck.platform.apidoc;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.web.Edge;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The API's description, public on the platform's host only: {@code GET /api/openapi.yml} (written at
 * build time by micronaut-openapi, merged over all modules) and {@code GET /api/docs}, Swagger UI served
 * from its webjar on the class path. On a university's host both answer 404 {@code not_found}, like
 * every platform-only route: the description is the same for everyone and lives in one place.
 */
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class ApiDocsController {

    /** The merged document, written by the last module that runs the processor (tenant-admin). */
    static final String MERGED = "META-INF/swagger/rollcheck.yml";
    /** The platform's own part: what a build without tenant-admin (platform's tests) has. */
    static final String PLATFORM_PART = "META-INF/swagger/rollcheck-platform.yml";

    private static final MediaType YAML = MediaType.of("application/yaml");
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Our own files beside Swagger UI's: the page's initializer (the CSP allows no inline script). */
    private static final String OWN = "apidoc/";

    private final byte[] document;
    private final String swaggerUi;
    private final ConcurrentMap<String, byte[]> assets = new ConcurrentHashMap<>();

    public ApiDocsController() {
        ClassLoader cl = ApiDocsController.class.getClassLoader();
        byte[] doc = read(cl, MERGED);
        this.document = doc != null ? doc : read(cl, PLATFORM_PART);
        this.swaggerUi = "META-INF/resources/webjars/swagger-ui/" + webjarVersion(cl) + "/";
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<byte[]> document(HttpRequest<?> request) {
        Edge.requirePlatform(request);
        if (document == null) {
            throw new NotFound("document");
        }
        return HttpResponse.ok(document).contentType(YAML);
    }

    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> page(HttpRequest<?> request) {
        return asset(request, "index.html");
    }

    @Get(value = "/docs/{file}", produces = MediaType.ALL)
    public HttpResponse<byte[]> asset(HttpRequest<?> request, String file) {
        Edge.requirePlatform(request);
        if (!ASSET.matcher(file).matches() || file.contains("..")) {
            throw new NotFound("asset");
        }
        byte[] bytes = assets.get(file);
        if (bytes == null) { // only files that exist are kept: a name that misses costs a look-up, no memory
            ClassLoader cl = ApiDocsController.class.getClassLoader();
            byte[] own = read(cl, OWN + file);
            bytes = own != null ? own : read(cl, swaggerUi + file);
            if (bytes == null) {
                throw new NotFound("asset");
            }
            assets.put(file, bytes);
        }
        return HttpResponse.ok(bytes).contentType(type(file)).header("Cache-Control", "public, max-age=3600");
    }

    private static MediaType type(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> MediaType.TEXT_HTML_TYPE;
            case "js" -> MediaType.of("text/javascript");
            case "css" -> MediaType.of("text/css");
            case "png" -> MediaType.IMAGE_PNG_TYPE;
            case "json", "map" -> MediaType.APPLICATION_JSON_TYPE;
            default -> MediaType.APPLICATION_OCTET_STREAM_TYPE;
        };
    }

    private static String webjarVersion(ClassLoader cl) {
        try (InputStream in = cl.getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return "missing";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "missing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(ClassLoader cl, String name) {
        try (InputStream in = cl.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
