package io.rollcheck.webui.server;

import io.micronaut.context.annotation.Value;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.tenancy.TenantResolver;
import io.rollcheck.platform.web.ApiTenantFilter;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.UiUser;
import jakarta.inject.Singleton;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;

/**
 * The UI edge, in front of Vaadin: resolves the site from the Host once per request, refuses unknown
 * hosts (404) and suspended tenants (403), binds {@link TenantContext} and the log MDC for the
 * request thread, keeps every HTTP session on the site it was opened on (a session replayed on
 * another host is refused and audited), and exposes the signed-in user as the request's principal
 * and roles for Vaadin's {@code NavigationAccessControl}.
 */
@Singleton
public class UiEdgeFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger(UiEdgeFilter.class);

    private final TenantResolver resolver;
    private final AuditLog audit;
    private final String contact;
    private volatile SessionLimits sessions;

    public UiEdgeFilter(TenantResolver resolver, AuditLog audit,
                        @Value("${rollcheck.platform-contact:support@rollcheck.local}") String contact) {
        this.resolver = resolver;
        this.audit = audit;
        this.contact = contact;
    }

    /** The limits the server set for HTTP sessions (none until the UI server starts). */
    void limit(SessionLimits limits) {
        this.sessions = limits;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if ("/health".equals(req.getServletPath())) {
            chain.doFilter(req, res); // probes use the pod's address, not a site's host
            return;
        }
        String requestId = req.getHeader("X-Request-Id");
        if (requestId == null || requestId.length() > 64 || !requestId.matches("[A-Za-z0-9._-]+")) {
            requestId = UUID.randomUUID().toString();
        }
        HostResolution r = resolver.resolve(req.getHeader("Host"));
        String site = ApiTenantFilter.label(r);
        req.setAttribute(Site.RESOLUTION, r);
        res.setHeader("X-Request-Id", requestId);
        MDC.put("tenant", site);
        MDC.put("requestId", requestId);
        try {
            Locale locale = Messages.fromAcceptLanguage(req.getHeader("Accept-Language"));
            if (r instanceof HostResolution.Unknown) {
                LOG.info("event=unknown_host path={}", req.getRequestURI());
                ErrorPages.send(res, 404, locale, "page.unknown", null);
                return;
            }
            if (r instanceof HostResolution.Suspended) {
                ErrorPages.send(res, 403, locale, "page.suspended", contact);
                return;
            }
            HttpSession session = req.getSession(false);
            SessionLimits limits = sessions;
            if (session == null && limits != null && opensSession(req) && limits.full()) {
                res.setHeader("Retry-After", String.valueOf(limits.anonymousSeconds()));
                ErrorPages.send(res, 503, locale, "page.busy", null);
                return;
            }
            if (session != null && !belongsHere(session, site, req, r)) {
                // Expire the replayed cookie on this host only; the session itself lives on at its own site.
                Cookie expired = new Cookie(req.getServletContext().getSessionCookieConfig().getName() == null
                        ? "JSESSIONID" : req.getServletContext().getSessionCookieConfig().getName(), "");
                expired.setPath("/");
                expired.setMaxAge(0);
                expired.setHttpOnly(true);
                res.addCookie(expired);
                ErrorPages.send(res, 403, locale, "page.wrongSite", null);
                return;
            }
            String raw = req.getRequestURI() + "?" + (req.getQueryString() == null ? "" : req.getQueryString());
            if (raw.matches("(?i).*%(0[0-9a-f]|1[0-9a-f]|7f|c2%[89][0-9a-f]).*")) {
                // a control character in the address (a route parameter, a query): no page takes one
                ErrorPages.send(res, 400, locale, "page.badRequest", null);
                return;
            }
            HttpServletRequest inner = UidlText.isUidl(req) ? UidlText.clean(req) : req;
            chain.doFilter(new SiteRequest(inner, site), res);
        } finally {
            MDC.remove("tenant");
            MDC.remove("requestId");
        }
    }

    /**
     * False for what is served without a session (the bundle's static files): those stay available
     * when no further session may be opened, so pages already open keep their scripts and styles.
     */
    private static boolean opensSession(HttpServletRequest req) {
        String path = req.getRequestURI();
        return !(path.startsWith("/VAADIN/") && !path.startsWith(UiServer.UPLOAD_PATH)) && !"/favicon.ico".equals(path);
    }

    /** True when the session was opened on this site; a session from elsewhere is audited here. */
    private boolean belongsHere(HttpSession session, String site, HttpServletRequest req, HostResolution r) {
        Object bound;
        try {
            bound = session.getAttribute(Site.SESSION_SITE);
        } catch (IllegalStateException invalidated) {
            return true;
        }
        if (bound == null) {
            session.setAttribute(Site.SESSION_SITE, site);
            return true;
        }
        if (bound.equals(site)) {
            return true;
        }
        Object user = session.getAttribute(Site.SESSION_USER);
        String who = (user instanceof UiUser u ? u.username() : "anonymous") + "@" + bound;
        String ip = req.getRemoteAddr();
        LOG.warn("event=cross_site_session_refused session_site={} path={}", bound, req.getRequestURI());
        // on the platform's log, never the target tenant's: a tenant must not learn other tenants' user names
        audit.platform(who, "security.crossTenantRefused", "ui:" + req.getRequestURI(), "host=" + site, ip);
        return false;
    }

    /**
     * The request as Vaadin sees it: sessions it creates are stamped with this site, and the user
     * signed in to the session (on this site) is the principal.
     */
    static final class SiteRequest extends HttpServletRequestWrapper {

        private final String site;

        SiteRequest(HttpServletRequest request, String site) {
            super(request);
            this.site = site;
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession s = super.getSession(create);
            if (s != null && s.isNew() && s.getAttribute(Site.SESSION_SITE) == null) {
                s.setAttribute(Site.SESSION_SITE, site);
            }
            return s;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        private UiUser user() {
            HttpSession s = super.getSession(false);
            if (s == null) {
                return null;
            }
            try {
                return s.getAttribute(Site.SESSION_USER) instanceof UiUser u && site.equals(u.site()) ? u : null;
            } catch (IllegalStateException invalidated) {
                return null;
            }
        }

        @Override
        public Principal getUserPrincipal() {
            return user();
        }

        @Override
        public String getRemoteUser() {
            UiUser u = user();
            return u == null ? null : u.username();
        }

        @Override
        public boolean isUserInRole(String role) {
            UiUser u = user();
            return u != null && u.roles().contains(role);
        }
    }
}
