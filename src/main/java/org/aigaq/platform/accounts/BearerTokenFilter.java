package org.aigaq.platform.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aigaq.platform.security.SignedInUsers;
import org.aigaq.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <token>} as the token's user, for that request only
 * (nothing is kept in a session). A token that is unknown, revoked or whose user is disabled gets 401.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Users users;
    private final Problems problems;

    public BearerTokenFilter(ApiTokens tokens, Users users, Problems problems) {
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
    }

    public static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        var holder = tokens.holderOf(request.getHeader("Authorization").substring(7).strip());
        var user = holder.flatMap(h -> users.find(h.userId())).filter(User::enabled);
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.token-invalid");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SignedInUsers.authenticationOf(SignedInUsers.principalOf(user.get(), true)));
        SecurityContextHolder.setContext(context);
        try {
            tokens.used(holder.get(), request.getMethod(), request.getRequestURI());
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
