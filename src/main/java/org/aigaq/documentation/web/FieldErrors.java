package org.aigaq.documentation.web;

import java.util.List;
import org.aigaq.platform.InvalidInput;

/** The errors of the form that failed, for templates: which form, and the message key and argument per field. */
public record FieldErrors(String form, List<InvalidInput.Violation> violations) {

    static final FieldErrors NONE = new FieldErrors(null, List.of());

    FieldErrors(InvalidInput invalid) {
        this(null, invalid.violations());
    }

    FieldErrors(InvalidInput invalid, String form) {
        this(form, invalid.violations());
    }

    public boolean has(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    public boolean in(String form) {
        return java.util.Objects.equals(form, this.form);
    }

    public InvalidInput.Violation of(String field) {
        return violations.stream().filter(v -> v.field().equals(field)).findFirst().orElse(null);
    }
}
