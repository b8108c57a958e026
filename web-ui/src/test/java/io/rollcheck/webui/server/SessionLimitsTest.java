package io.rollcheck.webui.server;

import io.rollcheck.webui.site.Site;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLimitsTest {

    /** A session that only keeps its idle time. */
    private static HttpSession session(AtomicInteger idle) {
        return (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(), new Class<?>[]{HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setMaxInactiveInterval" -> {
                        idle.set((Integer) args[0]);
                        yield null;
                    }
                    case "getMaxInactiveInterval" -> idle.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void a_new_session_is_short_lived_until_someone_signs_in() {
        SessionLimits limits = new SessionLimits(120, 1800, 10);
        AtomicInteger idle = new AtomicInteger(1800);
        HttpSession s = session(idle);
        limits.sessionCreated(new HttpSessionEvent(s));
        assertEquals(120, idle.get());
        limits.attributeAdded(new HttpSessionBindingEvent(s, Site.SESSION_SITE, "demo"));
        assertEquals(120, idle.get(), "being stamped with its site is no sign-in");
        limits.attributeAdded(new HttpSessionBindingEvent(s, Site.SESSION_USER, "someone"));
        assertEquals(1800, idle.get());
    }

    @Test
    void a_pending_password_change_or_single_sign_on_keeps_the_session_too() {
        SessionLimits limits = new SessionLimits(120, 1800, 10);
        for (String attribute : new String[]{Site.SESSION_PASSWORD_CHANGE, Site.SESSION_SSO_STATE}) {
            AtomicInteger idle = new AtomicInteger();
            HttpSession s = session(idle);
            limits.sessionCreated(new HttpSessionEvent(s));
            limits.attributeReplaced(new HttpSessionBindingEvent(s, attribute, "x"));
            assertEquals(1800, idle.get(), attribute);
        }
    }

    @Test
    void the_cap_counts_live_sessions() {
        SessionLimits limits = new SessionLimits(120, 1800, 2);
        HttpSession a = session(new AtomicInteger());
        HttpSession b = session(new AtomicInteger());
        limits.sessionCreated(new HttpSessionEvent(a));
        assertFalse(limits.full());
        limits.sessionCreated(new HttpSessionEvent(b));
        assertTrue(limits.full());
        limits.sessionDestroyed(new HttpSessionEvent(a));
        assertFalse(limits.full());
        assertEquals(1, limits.live());
    }
}
