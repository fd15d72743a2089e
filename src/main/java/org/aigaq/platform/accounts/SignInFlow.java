package org.aigaq.platform.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.aigaq.platform.security.PendingSignIn;
import org.aigaq.platform.security.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The steps after a right password: the second factor when the user has one, a new password when the old one was
 * temporary, enrolment of a second factor when the user's roles require one; then the user is signed in.
 */
@Component
public class SignInFlow implements AuthenticationSuccessHandler {

    private final Users users;
    private final SignInAttempts attempts;
    private final SecurityContextRepository contexts;

    SignInFlow(Users users, SignInAttempts attempts, SecurityContextRepository contexts) {
        this.users = users;
        this.attempts = attempts;
        this.contexts = contexts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        User user = (User) authentication.getPrincipal();
        continueSignIn(user, false, request, response);
    }

    /** Moves the user to the next step, or signs the user in when none is left, and redirects there. */
    public void continueSignIn(User user, boolean secondFactorVerified, HttpServletRequest request,
                               HttpServletResponse response) throws IOException {
        continueSignIn(user, secondFactorVerified, request, response, "/");
    }

    /** As above, going to {@code whenDone} (a path of this site) once the user is signed in. */
    public void continueSignIn(User user, boolean secondFactorVerified, HttpServletRequest request,
                               HttpServletResponse response, String whenDone) throws IOException {
        Optional<PendingSignIn.Step> next = nextStep(user, secondFactorVerified);
        var context = SecurityContextHolder.createEmptyContext();
        if (next.isPresent()) {
            context.setAuthentication(new PendingSignIn(user.id(), user.username(), user.securityStamp(), next.get(),
                    secondFactorVerified));
        } else {
            context.setAuthentication(SignedInUsers.authenticationOf(SignedInUsers.principalOf(user, false)));
            // a new session id for the new privileges, as at the password step
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            attempts.signedIn(user, request.getRemoteAddr());
        }
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + next.map(SignInFlow::pathOf).orElse(whenDone));
    }

    static Optional<PendingSignIn.Step> nextStep(User user, boolean secondFactorVerified) {
        if (user.secondFactorEnabled() && !secondFactorVerified) {
            return Optional.of(PendingSignIn.Step.SECOND_FACTOR);
        }
        if (user.mustChangePassword()) {
            return Optional.of(PendingSignIn.Step.NEW_PASSWORD);
        }
        if (!user.secondFactorEnabled() && user.requiresSecondFactor()) {
            return Optional.of(PendingSignIn.Step.ENROL);
        }
        return Optional.empty();
    }

    public static String pathOf(PendingSignIn.Step step) {
        return switch (step) {
            case SECOND_FACTOR -> "/sign-in/second-factor";
            case NEW_PASSWORD -> "/sign-in/new-password";
            case ENROL -> "/sign-in/enrol";
        };
    }
}
