package io.rollcheck.platform.bench;

import io.rollcheck.platform.PlatformStartup;
import io.rollcheck.platform.tenancy.Provisioning;
import io.rollcheck.platform.tenancy.SignupRequest;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.TestApp;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tenancy figures of issue 3, on the services of {@link io.rollcheck.platform.testing.TestServices}
 * (a fresh database per run). Not a test: run with {@code bash infra/bench/run.sh tenancy [N]}.
 * <ol>
 *   <li>approval → portal serving, one tenant (median of 10);</li>
 *   <li>N tenants (default 3,000) signed up and approved on 2 threads;</li>
 *   <li>a new instance starting on those N up-to-date schemas until it serves.</li>
 * </ol>
 */
public final class TenancyBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.printf(Locale.ROOT, "tenancy bench: %d tenants, %d threads, %d cores%n", n, threads,
                Runtime.getRuntime().availableProcessors());
        try (TestApp app = TestApp.start()) {
            // 1. approval to portal serving
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long id = app.bean(SignupService.class).submit(TestApp.aSignup(), null);
                long t0 = System.nanoTime();
                Tenant t = app.bean(Provisioning.class).approve(id, "bench", null).tenant();
                HttpResponse<String> r = app.get(t.slug() + ".localhost", "/api/portal", null);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("portal not serving: " + r.statusCode());
                }
                samples.add(ms);
            }
            samples.sort(null);
            System.out.printf(Locale.ROOT, "approval_to_portal_ms median=%d max=%d (target < 2000)%n",
                    samples.get(samples.size() / 2), samples.get(samples.size() - 1));

            // 2. N tenants provisioned
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger done = new AtomicInteger();
            long t0 = System.nanoTime();
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                jobs.add(pool.submit(() -> {
                    SignupRequest s = TestApp.aSignup();
                    long id = app.bean(SignupService.class).submit(s, null);
                    app.bean(Provisioning.class).approve(id, "bench", null);
                    int d = done.incrementAndGet();
                    if (d % 500 == 0) {
                        System.out.printf(Locale.ROOT, "  %d provisioned after %.1f s%n", d, (System.nanoTime() - t0) / 1e9);
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            pool.shutdown();
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "provision_%d_tenants_s=%.1f per_tenant_ms=%.0f (target < 240 s for 3000)%n",
                    n, secs, secs * 1000 / n);
        }
        // 3. a new instance on N up-to-date schemas
        long t0 = System.nanoTime();
        try (TestApp second = TestApp.start()) {
            PlatformStartup.Report report = second.startReport;
            HttpResponse<String> r = second.get("localhost", "/health", null);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "start_with_%d_schemas_s=%.2f migrated=%d health=%d (target < 60 s)%n",
                    n, secs, report.tenantsMigrated(), r.statusCode());
        }
        System.exit(0);
    }
}
