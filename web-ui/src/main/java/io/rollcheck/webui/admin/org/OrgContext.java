package io.rollcheck.webui.admin.org;

import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.tenantadmin.org.Organisation;

/** What the tabs of the organisation page share: the service, the tenant, the registrar, and "something changed". */
record OrgContext(Organisation org, TenantContext tenant, String actor, Runnable changed) {
}
