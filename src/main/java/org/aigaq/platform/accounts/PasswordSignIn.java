package org.aigaq.platform.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password, refusing locked and disabled accounts. Every refusal says the same thing to the
 * person signing in, so that nobody can learn which usernames exist; the audit trail records the real reason.
 */
@Component
public class PasswordSignIn implements AuthenticationProvider {

    private final Users users;
    private final SignInAttempts attempts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final String unknownUserHash;

    PasswordSignIn(Users users, SignInAttempts attempts, PasswordEncoder passwords, JdbcClient jdbc) {
        this.users = users;
        this.attempts = attempts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.unknownUserHash = passwords.encode("an unknown user's password is checked too, to take the same time");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (password.length() > Users.MAX_PASSWORD_LENGTH || username == null || username.length() > 64) {
            throw new BadCredentialsException("refused");
        }
        var found = users.findByUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, unknownUserHash);
            attempts.unknownUser(username, address);
            throw new BadCredentialsException("refused");
        }
        User user = found.get();
        boolean matches = passwords.matches(password, hashOf(user.id()));
        if (!user.enabled()) {
            attempts.refused(user, "disabled", address);
            throw new BadCredentialsException("refused");
        }
        if (user.isLocked(attempts.now())) {
            attempts.refused(user, "locked", address);
            throw new BadCredentialsException("refused");
        }
        if (!matches) {
            attempts.failed(user, "password", address);
            throw new BadCredentialsException("refused");
        }
        attempts.passwordAccepted(user, address);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, java.util.List.of());
    }

    private String hashOf(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", userId).query(String.class).single();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
