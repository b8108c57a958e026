package io.rollcheck.platform.tenancy;

/** Life cycle of a tenant. PENDING covers approval until provisioning has finished. */
public enum TenantStatus {
    PENDING, ACTIVE, SUSPENDED, DELETED
}
