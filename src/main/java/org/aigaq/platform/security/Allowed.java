package org.aigaq.platform.security;

import java.lang.annotation.*;

/** Names the roles that may use a route; every other user is refused. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {
    Role[] value();
}
