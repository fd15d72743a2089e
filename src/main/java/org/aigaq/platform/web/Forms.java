package org.aigaq.platform.web;

import org.aigaq.platform.InvalidInput;
import org.springframework.validation.BindingResult;

/** Puts the rules a service enforces beside the form fields they concern. */
public final class Forms {

    private Forms() {}

    public static void reject(BindingResult result, InvalidInput invalid) {
        for (var violation : invalid.violations()) {
            result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), violation.messageKey());
        }
    }
}
