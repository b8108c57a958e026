package io.rollcheck.platform.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Headers every API response carries: JSON is never sniffed, framed, cached or given a referrer. */
@ServerFilter("/**")
public class SecurityHeaders {

    @ResponseFilter
    public void headers(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.header("X-Frame-Options", "DENY");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
