package org.aigaq.detention.web;

import java.util.List;
import org.aigaq.platform.InvalidInput;

/** The errors of the register's form that failed, for templates: which form, and the message per field. */
public record RegisterErrors(String form, List<InvalidInput.Violation> violations) {

    static final RegisterErrors NONE = new RegisterErrors(null, List.of());

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
