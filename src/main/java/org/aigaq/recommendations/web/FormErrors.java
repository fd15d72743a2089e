package org.aigaq.recommendations.web;

import java.util.List;
import org.aigaq.platform.InvalidInput;

/** The errors of a recommendation form that failed, for templates: the message per field. */
public record FormErrors(String form, List<InvalidInput.Violation> violations) {

    static final FormErrors NONE = new FormErrors(null, List.of());

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
