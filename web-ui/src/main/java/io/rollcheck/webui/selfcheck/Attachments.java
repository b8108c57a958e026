package io.rollcheck.webui.selfcheck;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.files.BlobStore;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The notice's attachments, served from the UI port: only those the published version lists. Their
 * names are remembered per node (stored files never change), so listing them costs no read after
 * the first.
 */
@Singleton
class Attachments {

    private final PublishedCampaigns campaigns;
    private final Cache<String, String> names = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(6)).build();

    Attachments(PublishedCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** The file name of an attachment the published campaign lists; empty when it lists no such file. */
    Optional<String> name(TenantContext t, long campaignId, long blobId) {
        String key = t.tenantId() + ":" + campaignId + ":" + blobId;
        String known = names.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> name = campaigns.attachment(t, campaignId, blobId).map(b -> b.info().fileName());
        name.ifPresent(n -> names.put(key, n));
        return name;
    }

    /** Streams the attachment when the link is opened (nothing is held in the session meanwhile). */
    DownloadHandler download(TenantContext t, long campaignId, long blobId) {
        return event -> {
            Optional<BlobStore.Blob> blob = campaigns.attachment(t, campaignId, blobId);
            if (blob.isEmpty()) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setFileName(blob.get().info().fileName());
            event.setContentType(blob.get().info().contentType());
            event.setContentLength(blob.get().bytes().length);
            event.getResponse().setHeader("Cache-Control", "no-store");
            event.getOutputStream().write(blob.get().bytes());
        };
    }
}
