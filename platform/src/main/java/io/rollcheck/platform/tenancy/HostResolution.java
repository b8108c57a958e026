package io.rollcheck.platform.tenancy;

/**
 * What a request's Host names: the platform site, a serving tenant, a suspended tenant, or nothing
 * we know. Produced once per request at the edge by {@link TenantResolver}.
 */
public sealed interface HostResolution {

    record Platform() implements HostResolution {
    }

    record Serving(Tenant tenant) implements HostResolution {
    }

    record Suspended(Tenant tenant) implements HostResolution {
    }

    record Unknown() implements HostResolution {
    }

    HostResolution PLATFORM = new Platform();
    HostResolution UNKNOWN = new Unknown();
}
