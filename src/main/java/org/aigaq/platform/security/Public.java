package org.aigaq.platform.security;

import java.lang.annotation.*;

/** Marks a route anyone may use, signed in or not (sign-in page, language choice). */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Public {
}
