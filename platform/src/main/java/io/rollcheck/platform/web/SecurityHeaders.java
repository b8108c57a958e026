package io.rollcheck.platform.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every API response carries: JSON is never sniffed, framed, cached or given a referrer; and
 * the request id the edge gave the request. The outermost filter, so that answers other filters make
 * themselves (the tenant edge's 404/403, Micronaut Security's 401/403) carry them too: a filter that
 * answers without proceeding skips the response filters ordered after it. The API's browsable
 * description ({@code /api/docs}) is the one page: its policy lets it load its own scripts, styles,
 * images and the document from the same origin, and nothing else (no inline script, no eval).
 */
@ServerFilter("/**")
public class SecurityHeaders implements Ordered {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI from 'self'; images may also be data: URIs (its stylesheet draws icons so). */
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        String path = request.getPath();
        boolean docs = path.equals("/api/docs") || path.startsWith("/api/docs/");
        response.header("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
        response.header("X-Frame-Options", "DENY");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
        request.getAttribute(Edge.REQUEST_ID, String.class).ifPresent(id -> response.header("X-Request-Id", id));
    }
}
