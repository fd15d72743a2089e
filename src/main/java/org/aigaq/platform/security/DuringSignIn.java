package org.aigaq.platform.security;

import java.lang.annotation.*;

/**
 * Marks a step of signing in (second factor, new password, enrolment) that a user who has given a password but is
 * not yet fully signed in may use. The step itself checks that it is the one the user is at.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DuringSignIn {
}
