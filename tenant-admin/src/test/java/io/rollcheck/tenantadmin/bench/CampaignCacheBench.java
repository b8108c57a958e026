package io.rollcheck.tenantadmin.bench;

import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;

import java.util.Arrays;
import java.util.Locale;

/**
 * Campaign configuration on the student hot path (issue 5): the published campaign read from the
 * near cache, from Redis (near cache cold) and from PostgreSQL (both cold). Run with
 * {@code bash infra/bench/run.sh campaign}.
 */
public final class CampaignCacheBench {

    public static void main(String[] args) throws Exception {
        try (TestApp app = TestApp.start(); TestApp cold = TestApp.start()) {
            TenantContext t = app.aTenant().context();
            CampaignAuthoring authoring = app.bean(CampaignAuthoring.class);
            long id = authoring.create(t, "bench", "本科", 2025, Locale.SIMPLIFIED_CHINESE, null);
            authoring.publish(t, "bench", id);
            PublishedCampaigns campaigns = app.bean(PublishedCampaigns.class);
            for (int i = 0; i < 200_000; i++) {
                campaigns.open(t, id);
            }
            long[] hit = new long[100_000];
            for (int i = 0; i < hit.length; i++) {
                long t0 = System.nanoTime();
                if (campaigns.open(t, id).isEmpty()) {
                    throw new IllegalStateException("not published");
                }
                hit[i] = System.nanoTime() - t0;
            }
            Arrays.sort(hit);
            System.out.printf(Locale.ROOT, "campaign_cache_hit_ms median=%.4f p99=%.4f (target median < 0.1)%n",
                    hit[hit.length / 2] / 1e6, hit[hit.length * 99 / 100] / 1e6);
            PublishedCampaigns other = cold.bean(PublishedCampaigns.class);
            long r0 = System.nanoTime();
            other.open(t, id);
            System.out.printf(Locale.ROOT, "campaign_first_read_on_a_second_node_ms=%.2f (from Redis)%n", (System.nanoTime() - r0) / 1e6);
            long[] db = new long[50];
            for (int i = 0; i < db.length; i++) {
                campaigns.changed(t);
                long d0 = System.nanoTime();
                campaigns.open(t, id);
                db[i] = System.nanoTime() - d0;
            }
            Arrays.sort(db);
            System.out.printf(Locale.ROOT, "campaign_read_after_invalidation_ms median=%.2f (PostgreSQL + Redis write)%n", db[25] / 1e6);
        }
        System.exit(0);
    }
}
