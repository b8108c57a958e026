package io.rollcheck.platform.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.tenancy.TenantResolver;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The API edge: resolves the tenant from the Host once per request, before security runs. Unknown
 * hosts get a 404 problem, suspended tenants a 403 naming the platform's contact. The log context
 * ({@code tenant}, {@code requestId}) is put into the request's propagated context, so every thread
 * the request's work runs on (event loop, blocking pool, exception handlers) logs with it.
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

    /**
     * Runs on the event loop when this node holds the tenant in memory (nearly always); a tenant
     * that must be loaded from Redis or PostgreSQL is resolved on a worker thread.
     */
    @RequestFilter
    public Publisher<HttpResponse<?>> resolve(HttpRequest<?> request, MutablePropagatedContext context,
                                              FilterContinuation<Publisher<HttpResponse<?>>> next) {
        String requestId = request.getHeaders().get("X-Request-Id");
        if (requestId == null || requestId.length() > 64 || !requestId.matches("[A-Za-z0-9._-]+")) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            requestId = new UUID(r.nextLong(), r.nextLong()).toString(); // an id, not a secret
        }
        request.setAttribute(Edge.REQUEST_ID, requestId);
        String ip = clientIp(request);
        if (ip != null) {
            request.setAttribute(Edge.CLIENT_IP, ip);
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        Optional<HostResolution> held = resolver.resolveIfHeld(host);
        if (held.isPresent()) {
            HttpResponse<?> refusal = apply(request, held.get(), requestId, context);
            return refusal != null ? Mono.just(refusal) : next.proceed();
        }
        String id = requestId;
        return Mono.fromCallable(() -> Optional.<HttpResponse<?>>ofNullable(apply(request, resolver.resolve(host), id, context)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(refusal -> refusal.<Mono<HttpResponse<?>>>map(Mono::just).orElseGet(() -> Mono.from(next.proceed())));
    }

    /** Records the resolution on the request; the refusal for unknown hosts and suspended tenants, else null. */
    @Nullable
    private HttpResponse<?> apply(HttpRequest<?> request, HostResolution r, String requestId,
                                  MutablePropagatedContext context) {
        request.setAttribute(Edge.RESOLUTION, r);
        MdcPropagationContext logContext = new MdcPropagationContext(Map.of("tenant", label(r), "requestId", requestId));
        context.add(logContext); // for what runs downstream, wherever it runs
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(logContext).propagate()) {
            if (r instanceof HostResolution.Unknown) {
                LOG.info("event=unknown_host path={}", request.getPath());
                return Problem.response(HttpStatus.NOT_FOUND, "tenant_unknown", Edge.locale(request), null);
            }
            if (r instanceof HostResolution.Suspended) {
                return Problem.response(HttpStatus.FORBIDDEN, "tenant_suspended", Edge.locale(request), contact);
            }
            return null;
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
}
