package org.aigaq.platform.security;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making the current request. */
public final class CurrentUser {

    /** A user's id and name, whether fully signed in or still at a sign-in step. */
    public record Identity(long id, String username) {}

    private CurrentUser() {}

    /** The fully signed-in user, if there is one. */
    public static Optional<SignedInUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The fully signed-in user; for code that only runs behind an access rule that requires one. */
    public static SignedInUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }

    public static Optional<Identity> identity() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PendingSignIn pending) {
            return Optional.of(new Identity(pending.userId(), pending.username()));
        }
        return get().map(user -> new Identity(user.id(), user.username()));
    }

    public static Optional<PendingSignIn> pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PendingSignIn pending
                ? Optional.of(pending) : Optional.empty();
    }
}
