package org.aigaq.documentation;

import org.aigaq.platform.InvalidInput;

/** Checks of free text: required or not, and not longer than the column allows. */
final class Texts {

    private Texts() {}

    static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInput(field, "validation.too-long", max);
        }
        return stripped;
    }

    static String required(String value, int max, String field) {
        String checked = optional(value, max, field);
        if (checked == null) {
            throw new InvalidInput(field, "validation.required");
        }
        return checked;
    }
}
