package io.rollcheck.platform.security;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logout on one node: the token is refused there at once and on a second node within a second
 * (pub/sub); a revocation whose message was lost is caught by the resync from PostgreSQL.
 */
class TokenRevocationIT {

    static TestApp one;
    static TestApp two;

    @BeforeAll
    static void start() {
        one = TestApp.start();
        two = TestApp.start();
    }

    @AfterAll
    static void stop() {
        two.close();
        one.close();
    }

    private static int audit(TestApp app, String host, String token) {
        return app.get(host, "/api/admin/audit?limit=1", token).statusCode();
    }

    @Test
    void a_logout_on_one_node_is_refused_on_both() throws Exception {
        Tenant t = one.aTenant();
        String host = t.slug() + ".localhost";
        one.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        String token = one.login(host, "admin", "registrar-pass-1");
        assertEquals(200, audit(one, host, token));
        assertEquals(200, audit(two, host, token));

        assertEquals(204, one.post(host, "/api/auth/logout", "{}", token).statusCode());
        assertEquals(403, audit(one, host, token), "refused at once where the logout happened");
        long until = System.nanoTime() + 1_000_000_000L;
        int onTwo = audit(two, host, token);
        while (onTwo == 200 && System.nanoTime() < until) {
            Thread.sleep(20);
            onTwo = audit(two, host, token);
        }
        assertEquals(403, onTwo, "refused on the second node within a second");
    }

    @Test
    void a_revocation_whose_message_was_lost_is_caught_by_the_resync() {
        Tenant t = one.aTenant();
        String host = t.slug() + ".localhost";
        one.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        String token = one.login(host, "admin", "registrar-pass-1");
        assertEquals(200, audit(two, host, token));
        // written straight to PostgreSQL, as if node one had crashed before publishing
        two.bean(Db.class).platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO revoked_tokens (token_hash, expires_at) VALUES (?, ?)")) {
                ps.setBytes(1, Tokens.sha256(token));
                ps.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(3600)));
                return ps.executeUpdate();
            }
        });
        assertEquals(200, audit(two, host, token), "the mirror does not know yet");
        two.bean(TokenRevocation.class).resync();
        assertEquals(403, audit(two, host, token));
        assertTrue(two.bean(TokenRevocation.class).isRevoked(token));
    }
}
