package io.rollcheck.platform.security;

import io.rollcheck.platform.digest.Sha256;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logout on one node: the token is refused there at once and on a second node within a second
 * (pub/sub); a revocation whose message was lost is caught by the resync from PostgreSQL. A logout
 * holds however the token is re-encoded; a password change revokes every token of the user; a
 * token without the claims we always issue is refused.
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
        String jti = claim(token, "jti");
        // written straight to PostgreSQL, as if node one had crashed before publishing
        two.bean(Db.class).platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?)")) {
                ps.setString(1, jti);
                ps.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(3600)));
                return ps.executeUpdate();
            }
        });
        assertEquals(200, audit(two, host, token), "the mirror does not know yet");
        two.bean(TokenRevocation.class).resync();
        assertEquals(403, audit(two, host, token));
        assertTrue(two.bean(TokenRevocation.class).isRevoked(jti));
    }

    @Test
    void a_logged_out_token_stays_refused_however_it_is_re_encoded() {
        Tenant t = one.aTenant();
        String host = t.slug() + ".localhost";
        one.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        String token = one.login(host, "admin", "registrar-pass-1");
        String padded = token + "=";
        String spareBits = flipSpareBits(token);
        assertNotEquals(token, spareBits);
        // the parser takes both spellings as the same token: that is what made text-hash revocation weak
        assertEquals(200, audit(one, host, padded), "a padded spelling is accepted while the token is live");
        assertEquals(200, audit(one, host, spareBits), "changed spare bits are accepted while the token is live");

        assertEquals(204, one.post(host, "/api/auth/logout", "{}", token).statusCode());
        assertEquals(403, audit(one, host, token));
        assertEquals(403, audit(one, host, padded), "padding does not undo a logout");
        assertEquals(403, audit(one, host, spareBits), "spare bits do not undo a logout");
        assertEquals(403, audit(one, host, token + "=="), "nor does more padding");
    }

    @Test
    void a_password_change_or_reset_revokes_every_token_the_user_held_on_every_node() throws Exception {
        Tenant t = one.aTenant();
        String host = t.slug() + ".localhost";
        TenantAccounts accounts = one.bean(TenantAccounts.class);
        accounts.setPassword(t.context(), "admin", "registrar-pass-1");
        String first = one.login(host, "admin", "registrar-pass-1");
        String second = one.login(host, "admin", "registrar-pass-1");
        assertEquals(200, audit(two, host, first));

        HttpResponse<String> change = one.post(host, "/api/auth/password", "{\"username\":\"admin\","
                + "\"currentPassword\":\"registrar-pass-1\",\"newPassword\":\"registrar-pass-2\"}", null);
        assertEquals(200, change.statusCode(), change.body());
        assertEquals(403, audit(one, host, first), "a token from before the change is refused");
        assertEquals(403, audit(one, host, second), "every token from before the change is refused");
        assertEquals(403, waitForRefusal(two, host, first), "and on the other node");
        String after = one.login(host, "admin", "registrar-pass-2");
        assertEquals(200, audit(one, host, after), "a token issued after the change is good");
        assertEquals(200, audit(two, host, after));

        // a password set for him (a reset, a registrar's action) revokes as well
        accounts.setPassword(t.context(), "admin", "registrar-pass-3");
        assertEquals(403, audit(one, host, after));
        assertEquals(200, audit(one, host, one.login(host, "admin", "registrar-pass-3")));
    }

    @Test
    void a_cutoff_whose_message_was_lost_is_caught_by_the_resync() {
        Tenant t = one.aTenant();
        String host = t.slug() + ".localhost";
        one.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        String token = one.login(host, "admin", "registrar-pass-1");
        assertEquals(200, audit(two, host, token));
        // node one revokes, but its message is lost: node two learns it from PostgreSQL
        long cutoff = System.currentTimeMillis() + 1;
        byte[] subject = Sha256.of((t.slug() + "|admin").getBytes(StandardCharsets.UTF_8));
        two.bean(Db.class).platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO token_cutoffs (subject_hash, cutoff_at, expires_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (subject_hash) DO UPDATE SET cutoff_at = EXCLUDED.cutoff_at")) {
                ps.setBytes(1, subject);
                ps.setTimestamp(2, new Timestamp(cutoff));
                ps.setTimestamp(3, Timestamp.from(Instant.now().plusSeconds(9 * 3600)));
                return ps.executeUpdate();
            }
        });
        assertEquals(200, audit(two, host, token), "the mirror does not know yet");
        two.bean(TokenRevocation.class).resync();
        assertEquals(403, audit(two, host, token));
    }

    @Test
    void a_token_without_expiry_id_or_issue_time_or_not_yet_valid_is_refused() throws Exception {
        Tenant t = one.aTenant();
        String host = t.slug() + ".localhost";
        one.bean(TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
        String genuine = one.login(host, "admin", "registrar-pass-1");
        assertEquals(200, audit(one, host, genuine));
        // Tokens signed with the deployment's own secret, as one who stole it or a bug might make them:
        // the claims of the genuine one, with one thing missing or wrong each time.
        JWTClaimsSet base = SignedJWT.parse(genuine).getJWTClaimsSet();
        long now = System.currentTimeMillis();
        assertEquals(200, audit(one, host, sign(new JWTClaimsSet.Builder(base).jwtID("fresh-id-1").build())),
                "the forging works: a complete set of claims is accepted");
        assertEquals(401, audit(one, host, sign(new JWTClaimsSet.Builder(base).expirationTime(null).build())),
                "no expiry");
        assertEquals(401, audit(one, host, sign(new JWTClaimsSet.Builder(base)
                .notBeforeTime(new Date(now + 120_000)).build())), "not valid before two minutes from now");
        assertEquals(401, audit(one, host, sign(new JWTClaimsSet.Builder(base).notBeforeTime(null).build())),
                "no not-before");
        assertEquals(401, audit(one, host, sign(new JWTClaimsSet.Builder(base).jwtID(null).build())), "no id");
        assertEquals(401, audit(one, host, sign(new JWTClaimsSet.Builder(base).claim("ims", null).build())),
                "no issue time");
        assertEquals(401, audit(one, host, sign(new JWTClaimsSet.Builder(base)
                .expirationTime(new Date(now + 30L * 24 * 3600 * 1000)).build())), "a lifetime we never issue");
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        String secret = (String) TestServices.get().properties().get("rollcheck.jwt-secret");
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static int waitForRefusal(TestApp app, String host, String token) throws InterruptedException {
        long until = System.nanoTime() + 1_000_000_000L;
        int status = audit(app, host, token);
        while (status == 200 && System.nanoTime() < until) {
            Thread.sleep(20);
            status = audit(app, host, token);
        }
        return status;
    }

    private static String claim(String token, String name) {
        try {
            return (String) SignedJWT.parse(token).getJWTClaimsSet().getClaim(name);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with the unused low bits of the signature's last base64url character changed. */
    private static String flipSpareBits(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        int v = alphabet.indexOf(last);
        // HS256: 32 signature bytes in 43 characters, so the last character carries 2 unused bits
        return token.substring(0, token.length() - 1) + alphabet.charAt(v ^ 1);
    }
}
