package io.rollcheck.webui.site;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/**
 * Who is signed in to a UI session, and on which site ({@code @platform} or a tenant slug). Kept in
 * the HTTP session; the UI edge filter exposes it as the request's principal and roles. Tenant users
 * also carry their account id, display name and (students) roster record, as the platform's
 * {@link io.rollcheck.platform.security.Principal} does.
 */
public record UiUser(String username, List<String> roles, String site, String displayName, long userId,
                     Long studentId) implements Principal, Serializable {

    public UiUser {
        roles = List.copyOf(roles);
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** An operator (or any user known by name and roles only). */
    public UiUser(String username, List<String> roles, String site) {
        this(username, roles, site, username, 0, null);
    }

    /** The signed-in user of a platform sign-in outcome, on {@code site}. */
    public static UiUser of(io.rollcheck.platform.security.Principal p, String site) {
        return new UiUser(p.username(), p.roles(), site, p.displayName(), p.userId(), p.studentId());
    }

    /** The same user as the platform services take it. */
    public io.rollcheck.platform.security.Principal principal() {
        return new io.rollcheck.platform.security.Principal(site, userId, username, displayName, roles, studentId);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    @Override
    public String getName() {
        return username;
    }
}
