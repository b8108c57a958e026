package io.rollcheck.platform.bench;

import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.security.Access;
import io.rollcheck.platform.security.PasswordHasher;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.validation.IdNumbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Identity figures of issue 4. Run with {@code bash infra/bench/run.sh security}.
 * <ol>
 *   <li>one Argon2id hash, and full sign-ins per second on one thread (hash + SQL + Redis + audit);</li>
 *   <li>what tenant binding, token validation, revocation and scope checks add to a request;</li>
 *   <li>sealing + blind-indexing 100,000 ID numbers.</li>
 * </ol>
 */
public final class SecurityBench {

    public static void main(String[] args) throws Exception {
        try (TestApp app = TestApp.start(Map.of("rollcheck.security.max-failures", "1000000"))) {
            OrgFixture org = new OrgFixture(app, app.aTenant(), "S", 3);
            TenantContext t = org.tenant.context();

            PasswordHasher hasher = app.bean(PasswordHasher.class);
            long[] h = new long[21];
            for (int i = 0; i < h.length; i++) {
                long t0 = System.nanoTime();
                hasher.hash("bench-password-" + i);
                h[i] = System.nanoTime() - t0;
            }
            Arrays.sort(h);
            System.out.printf(Locale.ROOT, "argon2id_hash_ms median=%.1f (m=19 MiB, t=2, p=1; target < 250)%n", h[10] / 1e6);

            SignIn signIn = app.bean(SignIn.class);
            int n = 0;
            long end = System.nanoTime() + 5_000_000_000L;
            long t0 = System.nanoTime();
            while (System.nanoTime() < end) {
                if (!(signIn.tenantUser(t, "staff1", OrgFixture.PASSWORD, "10.0.0." + (n % 200)) instanceof SignIn.Signed)) {
                    throw new IllegalStateException("sign-in failed");
                }
                n++;
            }
            System.out.printf(Locale.ROOT, "sign_ins_per_second_one_thread=%.1f%n", n / ((System.nanoTime() - t0) / 1e9));

            String host = org.host();
            String token = app.login(host, "monitor1", OrgFixture.PASSWORD);
            for (int i = 0; i < 500; i++) {
                app.get(host, "/api/portal", null);
                app.get(host, "/api/portal", token);
            }
            long[] anon = new long[2000];
            long[] authed = new long[2000];
            for (int i = 0; i < anon.length; i++) {
                long a0 = System.nanoTime();
                app.get(host, "/api/portal", null);
                anon[i] = System.nanoTime() - a0;
                long b0 = System.nanoTime();
                app.get(host, "/api/portal", token);
                authed[i] = System.nanoTime() - b0;
            }
            Arrays.sort(anon);
            Arrays.sort(authed);
            Access access = app.bean(Access.class);
            Principal monitor = new Principal(org.tenant.slug(), userId(app, t, "monitor1"), "monitor1", "monitor1",
                    List.of("CLASS_MONITOR", "STUDENT"), null);
            long[] scope = new long[2000];
            for (int i = 0; i < 200; i++) {
                access.requireClass(t, monitor, org.k1);
            }
            for (int i = 0; i < scope.length; i++) {
                long s0 = System.nanoTime();
                access.requireClass(t, monitor, org.k1);
                scope[i] = System.nanoTime() - s0;
            }
            Arrays.sort(scope);
            double tokenCost = (authed[1000] - anon[1000]) / 1e6;
            System.out.printf(Locale.ROOT,
                    "request_median_ms anonymous=%.3f with_token=%.3f token_validation+tenant_binding+revocation=%.3f scope_check=%.3f added_total=%.3f (target < 1)%n",
                    anon[1000] / 1e6, authed[1000] / 1e6, tokenCost, scope[1000] / 1e6, tokenCost + scope[1000] / 1e6);

            Pii pii = app.bean(Pii.class);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                ids.add(IdNumbers.make("320102", LocalDate.of(2006, 1, 1).plusDays(i % 700), i));
            }
            for (int i = 0; i < 20_000; i++) {
                pii.seal(t, "id_number", ids.get(i));
                pii.blindIndex(t, "id_number", ids.get(i));
            }
            long c0 = System.nanoTime();
            long bytes = 0;
            for (String id : ids) {
                bytes += pii.seal(t, "id_number", id).length + pii.blindIndex(t, "id_number", id).length;
            }
            double secs = (System.nanoTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "seal_and_blind_index_100k_ids_s=%.2f rows_per_s=%.0f (one thread; %d bytes)%n",
                    secs, 100_000 / secs, bytes);
        }
        System.exit(0);
    }

    private static long userId(TestApp app, TenantContext t, String username) {
        return app.bean(io.rollcheck.platform.db.Db.class).tenant(t, c -> {
            try (var ps = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
                ps.setString(1, username);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
