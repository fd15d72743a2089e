package org.aigaq.platform.audit;

import org.aigaq.platform.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Finds the actor of the current request: the signed-in user (or the one signing in) and the client's address. */
@Component
class AuditActors {

    AuditActor current() {
        String address = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            address = attributes.getRequest().getRemoteAddr();
        }
        var user = CurrentUser.identity();
        if (user.isPresent()) {
            return new AuditActor(user.get().id(), user.get().username(), address);
        }
        return new AuditActor(null, address == null ? "system" : "anonymous", address);
    }
}
