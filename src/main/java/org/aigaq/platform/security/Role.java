package org.aigaq.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a user does in the coalition; it decides which pages, routes and records the user may use. */
public enum Role {
    ADMINISTRATOR(true),
    COORDINATOR(true),
    DOCUMENTER(true),
    LAWYER(true),
    MONITOR(true),
    ANALYST(false),
    VIEWER(false);

    private final boolean seesIdentities;

    Role(boolean seesIdentities) {
        this.seesIdentities = seesIdentities;
    }

    /** Roles that can see victims' identities must sign in with a second factor. */
    public boolean requiresSecondFactor() {
        return seesIdentities;
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
