package io.rollcheck.tenantadmin.campaign;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.rollcheck.platform.cache.CacheManager;
import io.rollcheck.platform.cache.TwoLevelCache;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The student hot path's view of the campaigns: the current published version of every open
 * campaign of a tenant, served from the two-level cache (Caffeine → Redis → PostgreSQL). Publishing
 * calls {@link #changed(TenantContext)}, which drops the entry on every node.
 */
@Singleton
public class PublishedCampaigns {

    /** The cached value: one tenant's open campaigns. */
    @io.micronaut.serde.annotation.Serdeable
    public record Open(List<PublishedCampaign> campaigns) {
    }

    private final Db db;
    private final ObjectMapper json;
    private final TwoLevelCache<Open> cache;
    private final io.rollcheck.platform.files.BlobStore blobs;

    public PublishedCampaigns(Db db, ObjectMapper json, CacheManager caches, io.rollcheck.platform.files.BlobStore blobs) {
        this.blobs = blobs;
        this.db = db;
        this.json = json;
        this.cache = caches.create("campaigns-open", Open.class, Duration.ofSeconds(60), Duration.ofHours(6), 20_000);
    }

    /** Open campaigns of the tenant, newest first. */
    public List<PublishedCampaign> open(TenantContext t) {
        return cache.get(Long.toString(t.tenantId()), k -> Optional.of(load(t))).map(Open::campaigns).orElse(List.of());
    }

    /** The open campaigns as this node holds them in memory, without loading: empty when they must be loaded. */
    public Optional<List<PublishedCampaign>> openIfHeld(TenantContext t) {
        return cache.peek(Long.toString(t.tenantId())).map(o -> o.map(Open::campaigns).orElse(List.of()));
    }

    public Optional<PublishedCampaign> open(TenantContext t, long campaignId) {
        return open(t).stream().filter(c -> c.campaignId() == campaignId).findFirst();
    }

    /** An attachment of a published notice; empty unless the published version lists it. */
    public Optional<io.rollcheck.platform.files.BlobStore.Blob> attachment(TenantContext t, long campaignId, long blobId) {
        return open(t, campaignId)
                .filter(c -> c.content().notice().attachmentIds() != null && c.content().notice().attachmentIds().contains(blobId))
                .flatMap(c -> blobs.get(t, blobId));
    }

    /** Drops the tenant's entry on every node (after a publish or a close). */
    public void changed(TenantContext t) {
        cache.invalidate(Long.toString(t.tenantId()));
    }

    private Open load(TenantContext t) {
        return db.tenant(t, c -> {
            List<PublishedCampaign> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT c.id, c.name, v.version, v.content_sha256, v.content::text, v.notice_html, v.published_at"
                            + " FROM campaigns c JOIN campaign_versions v ON v.campaign_id = c.id AND v.version = c.published_version"
                            + " WHERE c.status = 'PUBLISHED' ORDER BY v.published_at DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PublishedCampaign(rs.getLong(1), rs.getString(2), rs.getInt(3),
                            java.util.HexFormat.of().formatHex(rs.getBytes(4)), read(rs.getString(5)), rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
            return new Open(out);
        });
    }

    private CampaignContent read(String s) {
        try {
            return json.readValue(s, Argument.of(CampaignContent.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
