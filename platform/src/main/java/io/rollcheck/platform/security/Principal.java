package io.rollcheck.platform.security;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Who is signed in: the tenant it belongs to ({@code @platform} for operators), roles and scope.
 * The same value stands behind an API token and a UI session.
 */
@Serdeable
public record Principal(String tenant, long userId, String username, String displayName, List<String> roles,
                        Long studentId) {

    public boolean has(String role) {
        return roles.contains(role);
    }
}
