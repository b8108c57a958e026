package io.rollcheck.platform.security;

/** Role names, the same in tokens, sessions and {@code @RolesAllowed}. */
public final class Roles {
    public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String COLLEGE_STAFF = "COLLEGE_STAFF";
    public static final String COUNSELOR = "COUNSELOR";
    public static final String CLASS_MONITOR = "CLASS_MONITOR";
    public static final String STUDENT = "STUDENT";

    private Roles() {
    }
}
