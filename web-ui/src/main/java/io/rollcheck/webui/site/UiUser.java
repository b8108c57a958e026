package io.rollcheck.webui.site;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/**
 * Who is signed in to a UI session, and on which site ({@code @platform} or a tenant slug). Kept in
 * the HTTP session; the UI edge filter exposes it as the request's principal and roles.
 */
public record UiUser(String username, List<String> roles, String site) implements Principal, Serializable {

    public UiUser {
        roles = List.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }
}
