package org.aigaq.platform.security;

import java.lang.annotation.*;

/** Marks a route every fully signed-in user may use, whatever the role (own account, own tokens). */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SignedIn {
}
