package org.aigaq.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Deny by default: a request is served only when the route it reaches says who may use it ({@link Public},
 * {@link SignedIn}, {@link Allowed}, {@link DuringSignIn}) and the caller is one of them.
 */
public final class HandlerAccess implements AuthorizationManager<RequestAuthorizationContext> {

    /** Who a route is for, as read from its annotations. */
    public sealed interface Audience {
        record Anyone() implements Audience {}
        record EverySignedInUser() implements Audience {}
        record Roles(java.util.Set<Role> roles) implements Audience {}
        record SigningIn() implements Audience {}
        record Nobody() implements Audience {}
    }

    private final Supplier<RequestMappingHandlerMapping> mapping;

    public HandlerAccess(Supplier<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HandlerMethod handler = handlerOf(context.getRequest());
        Authentication caller = authentication.get();
        if (handler == null) {
            // No route: a fully signed-in user gets the 404 page, anyone else is sent to sign in.
            return new AuthorizationDecision(caller != null && caller.getPrincipal() instanceof SignedInUser);
        }
        return new AuthorizationDecision(admits(audienceOf(handler), caller));
    }

    public static Audience audienceOf(HandlerMethod handler) {
        Audience own = declaredOn(handler.getMethod());
        if (own != null) {
            return own;
        }
        Audience ofType = declaredOn(handler.getBeanType());
        return ofType != null ? ofType : new Audience.Nobody();
    }

    private static Audience declaredOn(java.lang.reflect.AnnotatedElement element) {
        if (has(element, Public.class)) return new Audience.Anyone();
        if (has(element, DuringSignIn.class)) return new Audience.SigningIn();
        if (has(element, SignedIn.class)) return new Audience.EverySignedInUser();
        var allowed = AnnotatedElementUtils.findMergedAnnotation(element, Allowed.class);
        return allowed == null ? null : new Audience.Roles(java.util.Set.copyOf(Arrays.asList(allowed.value())));
    }

    static boolean admits(Audience audience, Authentication caller) {
        boolean signedIn = caller != null && caller.getPrincipal() instanceof SignedInUser;
        return switch (audience) {
            case Audience.Anyone a -> true;
            case Audience.SigningIn s -> caller instanceof PendingSignIn || signedIn;
            case Audience.EverySignedInUser e -> signedIn;
            case Audience.Roles r -> signedIn
                    && ((SignedInUser) caller.getPrincipal()).roles().stream().anyMatch(r.roles()::contains);
            case Audience.Nobody n -> false;
        };
    }

    private static boolean has(java.lang.reflect.AnnotatedElement element, Class<? extends java.lang.annotation.Annotation> annotation) {
        return AnnotatedElementUtils.hasAnnotation(element, annotation);
    }

    private HandlerMethod handlerOf(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            HandlerExecutionChain chain = mapping.get().getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method ? method : null;
        } catch (Exception e) {
            // A request no route can take (wrong method, unsupported media type) is refused like an unknown one.
            return null;
        }
    }
}
