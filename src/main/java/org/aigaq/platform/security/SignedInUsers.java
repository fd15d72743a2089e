package org.aigaq.platform.security;

import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Builds the authentication of a fully signed-in user from what the account holds. */
public final class SignedInUsers {

    private SignedInUsers() {}

    /** What a principal is made of; kept free of the accounts package so that security does not depend on it. */
    public interface Account {
        long id();
        String username();
        String displayName();
        long organisationId();
        Set<Role> roles();
        String locale();
        UUID securityStamp();
    }

    public static SignedInUser principalOf(Account account, boolean viaApiToken) {
        return new SignedInUser(account.id(), account.username(), account.displayName(), account.organisationId(),
                Set.copyOf(account.roles()), account.locale(), account.securityStamp(), viaApiToken);
    }

    public static Authentication authenticationOf(SignedInUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(Role::authority).toList());
    }
}
