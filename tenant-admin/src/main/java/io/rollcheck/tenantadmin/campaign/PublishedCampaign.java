package io.rollcheck.tenantadmin.campaign;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A published, immutable campaign version as students are served it (from the two-level cache):
 * the content, the notice rendered to sanitised HTML, and the SHA-256 of the content (what a
 * signature refers to).
 */
@Serdeable
public record PublishedCampaign(long campaignId, String name, int version, String sha256, CampaignContent content,
                                String noticeHtml, Instant publishedAt) {
}
