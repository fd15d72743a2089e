package org.aigaq.platform.security;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** The principal of a fully signed-in user, reloaded from the database on every request. */
public record SignedInUser(long id, String username, String displayName, long organisationId, Set<Role> roles,
                           String locale, UUID securityStamp, boolean viaApiToken) implements Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
