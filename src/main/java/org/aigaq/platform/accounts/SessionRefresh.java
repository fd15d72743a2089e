package org.aigaq.platform.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aigaq.platform.security.PendingSignIn;
import org.aigaq.platform.security.SignedInUser;
import org.aigaq.platform.security.SignedInUsers;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a session's user against the database on every request: a disabled user, or one whose password or second
 * factor was reset, is signed out at once; changed roles, name or language apply at once.
 */
public class SessionRefresh extends OncePerRequestFilter {

    private final Users users;
    private final SecurityContextRepository contexts;

    public SessionRefresh(Users users, SecurityContextRepository contexts) {
        this.users = users;
        this.contexts = contexts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/images/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PendingSignIn pending) {
            var user = users.find(pending.userId());
            if (user.isEmpty() || !user.get().enabled() || !user.get().securityStamp().equals(pending.securityStamp())) {
                signOut(request);
            }
        } else if (authentication != null && authentication.getPrincipal() instanceof SignedInUser current
                && !current.viaApiToken()) {
            var user = users.find(current.id());
            if (user.isEmpty() || !user.get().enabled() || !user.get().securityStamp().equals(current.securityStamp())) {
                signOut(request);
            } else {
                SignedInUser fresh = SignedInUsers.principalOf(user.get(), false);
                if (!fresh.equals(current)) {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(SignedInUsers.authenticationOf(fresh));
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
