package io.rollcheck.webui.site;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Re-authentication in the UI holds the API's line: the password again, or, for an account without
 * a password, a single sign-on of the last ten minutes (a session signed on earlier is refused).
 */
class ReauthIT {

    static TestApp app;
    static Tenant t;
    static Reauth reauth;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        t = app.aTenant();
        app.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        app.bean(Db.class).tenant(t.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, display_name, roles) VALUES ('sso-monitor', 'sso-monitor', ARRAY['CLASS_MONITOR'])")) {
                return ps.executeUpdate();
            }
        });
        reauth = new Reauth(app.bean(SignIn.class));
    }

    static Optional<String> code(Optional<SignIn.Refused> refused) {
        return refused.map(SignIn.Refused::code);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void an_account_without_a_password_needs_a_single_sign_on_of_the_last_ten_minutes() {
        Instant now = Instant.now();
        assertEquals(Optional.empty(), code(reauth.check(t.context(), "sso-monitor", false, null, null, "10.0.0.1",
                now.minusSeconds(60), now)));
        assertEquals(Optional.of(Reauth.SSO_STALE), code(reauth.check(t.context(), "sso-monitor", false, null, null, "10.0.0.1",
                now.minusSeconds(SignIn.SSO_FRESH_SECONDS + 1), now)));
        assertEquals(Optional.of(Reauth.SSO_STALE), code(reauth.check(t.context(), "sso-monitor", false, null, null, "10.0.0.1",
                null, now)), "a session that never signed on proves nothing");
    }

    @Test
    void an_account_with_a_password_must_type_it_however_recent_its_sign_in() {
        Instant now = Instant.now();
        assertEquals(Optional.of(Reauth.MISSING), code(reauth.check(t.context(), "admin", true, "", null, "10.0.0.1", now, now)));
        assertEquals(Optional.of(SignIn.BAD_CREDENTIALS), code(reauth.check(t.context(), "admin", true, "wrong-pass-1", null,
                "10.0.0.1", now, now)));
        assertEquals(Optional.empty(), code(reauth.check(t.context(), "admin", true, "registrar-pass-1", null, "10.0.0.1", now, now)));
        // a form that (wrongly) offers no password field does not let a password account through
        assertEquals(Optional.of(Reauth.MISSING), code(reauth.check(t.context(), "admin", false, null, null, "10.0.0.1", now, now)));
    }
}
