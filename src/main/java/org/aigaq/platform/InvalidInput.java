package org.aigaq.platform;

import java.util.List;

/**
 * Input that breaks a rule, with the field it concerns and a message key, so that forms show the message beside the
 * field and the API names it by JSON pointer, in the user's language.
 */
public class InvalidInput extends RuntimeException {

    /** One thing wrong with one field. */
    public record Violation(String field, String messageKey, Object... arguments) {
        /** The first argument of the message, or an empty string, for templates. */
        public Object firstArgument() {
            return arguments.length > 0 ? arguments[0] : "";
        }
    }

    private final List<Violation> violations;

    public InvalidInput(String field, String messageKey, Object... arguments) {
        this(List.of(new Violation(field, messageKey, arguments)));
    }

    public InvalidInput(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.messageKey()).toList().toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
