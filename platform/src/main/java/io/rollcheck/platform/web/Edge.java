package io.rollcheck.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.NotFound;

import java.net.InetSocketAddress;
import java.util.Locale;

/** What the API edge put on the request: the resolved host, the caller's language and address. */
public final class Edge {

    public static final String RESOLUTION = "rollcheck.resolution";
    public static final String REQUEST_ID = "rollcheck.requestId";
    public static final String CLIENT_IP = "rollcheck.clientIp";

    private Edge() {
    }

    public static HostResolution resolution(HttpRequest<?> request) {
        return request.getAttribute(RESOLUTION, HostResolution.class).orElse(HostResolution.UNKNOWN);
    }

    /** The serving tenant of this request; 404 when the request came to the platform site. */
    public static Tenant tenant(HttpRequest<?> request) {
        if (resolution(request) instanceof HostResolution.Serving s) {
            return s.tenant();
        }
        throw new NotFound("route");
    }

    /** Fails with 404 unless the request came to the platform site. */
    public static void requirePlatform(HttpRequest<?> request) {
        if (!(resolution(request) instanceof HostResolution.Platform)) {
            throw new NotFound("route");
        }
    }

    public static Locale locale(HttpRequest<?> request) {
        return Messages.fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The client's address as the edge filter resolved it (a trusted proxy header, else the peer). */
    public static String ip(HttpRequest<?> request) {
        java.util.Optional<String> resolved = request.getAttribute(CLIENT_IP, String.class);
        if (resolved.isPresent()) {
            return resolved.get();
        }
        InetSocketAddress a = request.getRemoteAddress();
        return a == null || a.getAddress() == null ? null : a.getAddress().getHostAddress();
    }
}
