package org.aigaq.platform.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.aigaq.platform.security.Role;
import org.aigaq.platform.security.SignedInUsers;

/** A person who signs in to Aigaq, as an administrator sees the account (never the password or the secret). */
public record User(long id, String username, String displayName, long organisationId, String organisationName,
                   Set<Role> roles, boolean enabled, boolean mustChangePassword, String locale, int failedAttempts,
                   Instant lockedUntil, boolean secondFactorEnabled, UUID securityStamp, Instant createdAt,
                   Instant lastSignInAt) implements SignedInUsers.Account {

    public boolean requiresSecondFactor() {
        return roles.stream().anyMatch(Role::requiresSecondFactor);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
