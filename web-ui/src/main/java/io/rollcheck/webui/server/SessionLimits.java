package io.rollcheck.webui.server;

import io.rollcheck.webui.site.Site;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What HTTP sessions may cost this node. Vaadin needs a session for any page, so every visit without a
 * cookie opens one (tens of KB with its UI). A session nobody signed in to lives {@code anonymousSeconds}
 * without a request (a visitor reading a public page for longer gets a fresh page on the next click);
 * signing in, a pending password change or a started single sign-on extend it to the signed-in idle time.
 * At most {@code maxSessions} live at once: past that, a request that would open one gets a small 503
 * page (see {@link UiEdgeFilter}) while everyone holding a session carries on.
 */
final class SessionLimits implements HttpSessionListener, HttpSessionAttributeListener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLimits.class);

    private final int anonymousSeconds;
    private final int signedInSeconds;
    private final int maxSessions;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong lastWarning = new AtomicLong();

    SessionLimits(int anonymousSeconds, int signedInSeconds, int maxSessions) {
        this.anonymousSeconds = anonymousSeconds;
        this.signedInSeconds = signedInSeconds;
        this.maxSessions = maxSessions;
    }

    /** The default cap: about one session per 160 KB of heap (a signed-in student's session holds ~100 KB). */
    static int defaultMaxSessions() {
        return (int) Math.max(1_000, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (160 * 1024)));
    }

    int live() {
        return live.get();
    }

    int maxSessions() {
        return maxSessions;
    }

    int anonymousSeconds() {
        return anonymousSeconds;
    }

    /** True when no further session may be opened; logs a warning at most once a minute. */
    boolean full() {
        int now = live.get();
        if (now < maxSessions) {
            return false;
        }
        long t = System.nanoTime();
        long last = lastWarning.get();
        if ((last == 0 || t - last > 60_000_000_000L) && lastWarning.compareAndSet(last, t)) {
            LOG.warn("event=session_cap_reached live={} cap={}", now, maxSessions);
        }
        return true;
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        live.incrementAndGet();
        se.getSession().setMaxInactiveInterval(anonymousSeconds);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        live.decrementAndGet();
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        extendIfSignedIn(event);
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        extendIfSignedIn(event);
    }

    private void extendIfSignedIn(HttpSessionBindingEvent event) {
        String name = event.getName();
        if (Site.SESSION_USER.equals(name) || Site.SESSION_PASSWORD_CHANGE.equals(name)
                || Site.SESSION_SSO_STATE.equals(name)) {
            HttpSession s = event.getSession();
            if (s.getMaxInactiveInterval() < signedInSeconds) {
                s.setMaxInactiveInterval(signedInSeconds);
            }
        }
    }
}
