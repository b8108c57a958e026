package io.rollcheck.webui.site;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.tenancy.Tenant;

import java.util.Optional;

/**
 * What the UI edge filter resolved for the current request, as views need it: the site, the serving
 * tenant, the caller's address and the signed-in user. Views never read hosts or headers themselves.
 */
public final class Site {

    /** Request attribute: the {@link HostResolution} of this request. */
    public static final String RESOLUTION = "rollcheck.ui.resolution";
    /** HTTP session attribute: the site label ({@code @platform} or a slug) the session belongs to. */
    public static final String SESSION_SITE = "rollcheck.ui.site";
    /** HTTP session attribute: the signed-in {@link UiUser}. */
    public static final String SESSION_USER = "rollcheck.ui.user";

    private Site() {
    }

    public static HostResolution resolution() {
        VaadinRequest r = VaadinRequest.getCurrent();
        Object v = r == null ? null : r.getAttribute(RESOLUTION);
        return v instanceof HostResolution h ? h : HostResolution.UNKNOWN;
    }

    /** The serving tenant of this request; "not found" anywhere else. */
    public static Tenant tenant() {
        if (resolution() instanceof HostResolution.Serving s) {
            return s.tenant();
        }
        throw new NotFoundException();
    }

    public static String ip() {
        VaadinRequest r = VaadinRequest.getCurrent();
        return r == null ? null : r.getRemoteAddr();
    }

    public static Optional<UiUser> user() {
        VaadinSession s = VaadinSession.getCurrent();
        Object u = s == null || s.getSession() == null ? null : s.getSession().getAttribute(SESSION_USER);
        return u instanceof UiUser user ? Optional.of(user) : Optional.empty();
    }

    /** Signs {@code user} in to this session, under a new session id (no session fixation). */
    public static void signIn(UiUser user) {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest r) {
            r.getHttpServletRequest().changeSessionId();
        }
        VaadinSession.getCurrent().getSession().setAttribute(SESSION_USER, user);
    }

    /** Ends the session and goes back to the site's front page. */
    public static void signOut() {
        UI ui = UI.getCurrent();
        VaadinSession.getCurrent().getSession().invalidate();
        ui.getPage().setLocation("/");
    }
}
