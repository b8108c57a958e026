package io.rollcheck.webui.site;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import io.rollcheck.platform.tenancy.HostResolution;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.web.ApiTenantFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
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
    /** HTTP session attribute: a {@link PasswordChange} that must be done before anything else. */
    public static final String SESSION_PASSWORD_CHANGE = "rollcheck.ui.passwordChange";
    /** When this session signed on (epoch seconds): a single sign-on counts as re-authentication for a while. */
    public static final String SESSION_SIGNED_IN_AT = "rollcheck.ui.signedInAt";
    /** HTTP session attribute: the {@code state} of the single sign-on this browser started. */
    public static final String SESSION_SSO_STATE = "rollcheck.ui.ssoState";
    /** The route a tenant user who must change the password is held on. */
    public static final String CHANGE_PASSWORD_ROUTE = "change-password";

    /** Credentials were right, but the account's password has to be set before the user is signed in. */
    public record PasswordChange(String username, String site) implements Serializable {
    }

    private Site() {
    }

    public static HostResolution resolution() {
        VaadinRequest r = VaadinRequest.getCurrent();
        Object v = r == null ? null : r.getAttribute(RESOLUTION);
        return v instanceof HostResolution h ? h : HostResolution.UNKNOWN;
    }

    /** The label of this request's site: the tenant's slug, or {@code @platform}. */
    public static String label() {
        return ApiTenantFilter.label(resolution());
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

    /** The browser's User-Agent header of this request (a signature's evidence record keeps it). */
    public static String userAgent() {
        VaadinRequest r = VaadinRequest.getCurrent();
        return r == null ? null : r.getHeader("User-Agent");
    }

    public static Optional<UiUser> user() {
        Object u = attribute(SESSION_USER);
        return u instanceof UiUser user && user.site().equals(label()) ? Optional.of(user) : Optional.empty();
    }

    /** The account whose password must be changed first, if this session is held for that. */
    public static Optional<String> pendingPasswordChange() {
        Object p = attribute(SESSION_PASSWORD_CHANGE);
        return p instanceof PasswordChange c && c.site().equals(label()) ? Optional.of(c.username()) : Optional.empty();
    }

    /** Holds this session on the password change of {@code username} (not signed in yet), under a new session id. */
    public static void requirePasswordChange(String username) {
        renewSessionId();
        WrappedSession s = VaadinSession.getCurrent().getSession();
        s.removeAttribute(SESSION_USER);
        s.setAttribute(SESSION_PASSWORD_CHANGE, new PasswordChange(username, label()));
    }

    /** Signs {@code user} in to this session, under a new session id (no session fixation). */
    public static void signIn(UiUser user) {
        renewSessionId();
        WrappedSession s = VaadinSession.getCurrent().getSession();
        s.removeAttribute(SESSION_PASSWORD_CHANGE);
        s.setAttribute(SESSION_USER, user);
        s.setAttribute(SESSION_SIGNED_IN_AT, java.time.Instant.now().getEpochSecond());
    }

    /** When this session's user signed on, if one did. */
    public static Optional<java.time.Instant> signedInAt() {
        return user().flatMap(u -> attribute(SESSION_SIGNED_IN_AT) instanceof Long at
                ? Optional.of(java.time.Instant.ofEpochSecond(at)) : Optional.empty());
    }

    /** The same for a plain servlet request (the single sign-on callback), which also creates the session. */
    public static void signIn(HttpServletRequest request, UiUser user) {
        HttpSession s = request.getSession(true);
        request.changeSessionId();
        s.removeAttribute(SESSION_PASSWORD_CHANGE);
        s.setAttribute(SESSION_USER, user);
        s.setAttribute(SESSION_SIGNED_IN_AT, java.time.Instant.now().getEpochSecond());
    }

    /**
     * The route the user asked for before being sent to sign in (a route path such as
     * {@code admin/audit}), once; never a URL of another site.
     */
    public static Optional<String> takeStoredRedirect() {
        VaadinSession vs = VaadinSession.getCurrent();
        WrappedSession s = vs == null ? null : vs.getSession();
        if (s == null) {
            return Optional.empty();
        }
        Object v = s.getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
        s.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
        s.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
        if (v instanceof String path && !path.isBlank() && !path.contains("//") && !path.contains(":")
                && !path.startsWith("/") && !path.contains("\\")) {
            return Optional.of(path);
        }
        return Optional.empty();
    }

    /** Remembers the {@code state} of the single sign-on this browser is sent off to. */
    public static void rememberSsoState(String state) {
        VaadinSession.getCurrent().getSession().setAttribute(SESSION_SSO_STATE, state);
    }

    /**
     * True when {@code state} is the one this browser's session started (once): a callback carrying
     * someone else's state and code must not sign this browser in as that someone (login CSRF).
     */
    public static boolean takeSsoState(HttpServletRequest request, String state) {
        HttpSession s = request.getSession(false);
        if (s == null || state == null) {
            return false;
        }
        Object expected = s.getAttribute(SESSION_SSO_STATE);
        s.removeAttribute(SESSION_SSO_STATE);
        return expected instanceof String e && java.security.MessageDigest.isEqual(
                e.getBytes(java.nio.charset.StandardCharsets.UTF_8), state.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Ends the session and goes back to the site's front page. */
    public static void signOut() {
        UI ui = UI.getCurrent();
        VaadinSession.getCurrent().getSession().invalidate();
        ui.getPage().setLocation("/");
    }

    private static void renewSessionId() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest r) {
            r.getHttpServletRequest().changeSessionId();
        }
    }

    private static Object attribute(String name) {
        VaadinSession s = VaadinSession.getCurrent();
        try {
            return s == null || s.getSession() == null ? null : s.getSession().getAttribute(name);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
