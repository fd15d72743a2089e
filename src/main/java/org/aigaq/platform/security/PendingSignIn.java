package org.aigaq.platform.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A user who has given the right password but still has a step to take before being signed in: it carries no role,
 * so no route but the sign-in steps will serve it.
 */
public final class PendingSignIn extends AbstractAuthenticationToken {

    /** The step a user has to take next. */
    public enum Step { SECOND_FACTOR, NEW_PASSWORD, ENROL }

    private final long userId;
    private final String username;
    private final UUID securityStamp;
    private final Step step;
    private final boolean secondFactorVerified;

    public PendingSignIn(long userId, String username, UUID securityStamp, Step step, boolean secondFactorVerified) {
        super(List.of());
        this.userId = userId;
        this.username = username;
        this.securityStamp = securityStamp;
        this.step = step;
        this.secondFactorVerified = secondFactorVerified;
        setAuthenticated(true);
    }

    public long userId() { return userId; }
    public String username() { return username; }
    public UUID securityStamp() { return securityStamp; }
    public Step step() { return step; }
    public boolean secondFactorVerified() { return secondFactorVerified; }

    @Override public Object getCredentials() { return ""; }
    @Override public Object getPrincipal() { return username; }
}
