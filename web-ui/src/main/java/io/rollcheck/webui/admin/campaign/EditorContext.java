package io.rollcheck.webui.admin.campaign;

import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;

import java.util.List;

/** What the editor's tabs need beyond their part of the content. */
record EditorContext(CampaignAuthoring authoring, TenantContext tenant, String actor, long campaignId, String timeZone,
                     List<String> classLevels) {
}
