package io.rollcheck.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.tenancy.TenantResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.UUID;

/**
 * The API edge: resolves the tenant from the Host once per request, before security runs. Unknown
 * hosts get a 404 problem, suspended tenants a 403 naming the platform's contact.
 */
@ServerFilter("/api/**")
public class ApiTenantFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTenantFilter.class);

    private final TenantResolver resolver;
    private final String contact;
    private final String clientAddressHeader;

    public ApiTenantFilter(TenantResolver resolver,
                           @io.micronaut.context.annotation.Value("${rollcheck.platform-contact:support@rollcheck.local}") String contact,
                           @io.micronaut.context.annotation.Value("${rollcheck.api.client-address-header:}") String clientAddressHeader) {
        this.resolver = resolver;
        this.contact = contact;
        this.clientAddressHeader = clientAddressHeader == null ? "" : clientAddressHeader.strip();
    }

    /**
     * Behind a proxy that sets it, the first address of the configured header (e.g. X-Forwarded-For)
     * is the client; otherwise the peer. Off by default: anyone can send such a header.
     */
    private String clientIp(HttpRequest<?> request) {
        if (!clientAddressHeader.isEmpty()) {
            String v = request.getHeaders().get(clientAddressHeader);
            if (v != null && !v.isBlank()) {
                String first = v.split(",")[0].strip();
                if (first.matches("[0-9A-Fa-f:.]{2,45}")) {
                    return first;
                }
            }
        }
        java.net.InetSocketAddress a = request.getRemoteAddress();
        return a == null || a.getAddress() == null ? null : a.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> resolve(HttpRequest<?> request) {
        String requestId = request.getHeaders().get("X-Request-Id");
        if (requestId == null || requestId.length() > 64 || !requestId.matches("[A-Za-z0-9._-]+")) {
            requestId = UUID.randomUUID().toString();
        }
        request.setAttribute(Edge.REQUEST_ID, requestId);
        String ip = clientIp(request);
        if (ip != null) {
            request.setAttribute(Edge.CLIENT_IP, ip);
        }
        HostResolution r = resolver.resolve(request.getHeaders().get(HttpHeaders.HOST));
        request.setAttribute(Edge.RESOLUTION, r);
        MDC.put("tenant", label(r));
        MDC.put("requestId", requestId);
        try {
            if (r instanceof HostResolution.Unknown) {
                LOG.info("event=unknown_host path={}", request.getPath());
                return Problem.response(HttpStatus.NOT_FOUND, "tenant_unknown", Edge.locale(request), null);
            }
            if (r instanceof HostResolution.Suspended) {
                return Problem.response(HttpStatus.FORBIDDEN, "tenant_suspended", Edge.locale(request), contact);
            }
            return null;
        } finally {
            MDC.clear();
        }
    }

    /** How a resolution is named in logs: the slug, or {@code @platform} / {@code @unknown}. */
    public static String label(HostResolution r) {
        if (r instanceof HostResolution.Serving s) {
            return s.tenant().slug();
        }
        if (r instanceof HostResolution.Suspended s) {
            return s.tenant().slug();
        }
        return r instanceof HostResolution.Platform ? "@platform" : "@unknown";
    }

    @ResponseFilter
    public void tag(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(Edge.REQUEST_ID, String.class).ifPresent(id -> response.header("X-Request-Id", id));
    }
}
