package io.rollcheck.webui.account;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.platform.security.Sso;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.web.ApiTenantFilter;
import io.rollcheck.webui.site.Landing;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.UiUser;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /sso/callback?state=…&code=…}: where the university's identity provider sends the
 * browser back. Only the browser that started the sign-in may finish it (its session holds the
 * state); then {@link Sso#complete} checks the code and the ID token, and the user is signed in to
 * the UI session under a new session id. Any failure lands on the sign-in page with one neutral
 * message; the reason is in the audit log.
 */
@Singleton
public class SsoCallback extends HttpServlet {

    public static final String PATH = "/sso/callback";
    private static final Logger LOG = LoggerFactory.getLogger(SsoCallback.class);

    private final transient Sso sso;
    private final transient AuditLog audit;
    private final transient Landing landing;

    public SsoCallback(Sso sso, AuditLog audit, Landing landing) {
        this.landing = landing;
        this.sso = sso;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Cache-Control", "no-store");
        if (!(req.getAttribute(Site.RESOLUTION) instanceof HostResolution.Serving serving)) {
            res.sendRedirect("/"); // only universities sign in through a provider
            return;
        }
        var tenant = serving.tenant().context();
        String state = req.getParameter("state");
        String code = req.getParameter("code");
        Optional<Principal> principal = Optional.empty();
        if (!Site.takeSsoState(req, state)) {
            LOG.warn("event=sso_state_not_of_this_browser");
            audit.tenant(tenant, "anonymous", "auth.ssoRefused", "sso", "state not started by this browser",
                    req.getRemoteAddr());
        } else if (code == null || req.getParameter("error") != null) {
            audit.tenant(tenant, "anonymous", "auth.ssoRefused", "sso", "provider answered without a code",
                    req.getRemoteAddr());
        } else {
            principal = sso.complete(tenant, state, code, req.getRemoteAddr());
        }
        if (principal.isEmpty()) {
            res.sendRedirect("/login?sso=failed");
            return;
        }
        UiUser user = UiUser.of(principal.get(), ApiTenantFilter.label(serving));
        Site.signIn(req, user);
        res.sendRedirect("/" + landing.after(serving.tenant(), user));
    }
}
