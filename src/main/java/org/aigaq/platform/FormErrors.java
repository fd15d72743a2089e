package org.aigaq.platform;

import java.util.List;
import java.util.Objects;

/** The errors of a form that failed, for templates: which form, and the message per field. */
public record FormErrors(String form, List<InvalidInput.Violation> violations) {

    public static final FormErrors NONE = new FormErrors(null, List.of());

    /** No error, for a page shown before any form was sent. */
    public static FormErrors none() {
        return NONE;
    }

    public boolean has(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    public boolean in(String form) {
        return Objects.equals(form, this.form);
    }

    public InvalidInput.Violation of(String field) {
        return violations.stream().filter(v -> v.field().equals(field)).findFirst().orElse(null);
    }
}
