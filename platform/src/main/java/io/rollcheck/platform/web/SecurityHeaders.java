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
 * answers without proceeding skips the response filters ordered after it.
 */
@ServerFilter("/**")
public class SecurityHeaders implements Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.header("X-Frame-Options", "DENY");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
        request.getAttribute(Edge.REQUEST_ID, String.class).ifPresent(id -> response.header("X-Request-Id", id));
    }
}
