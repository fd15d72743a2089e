package org.aigaq.platform;

/** A free text as a form or the API sends it: stripped, blank as absent, refused over its length by field. */
public final class TypedText {

    private TypedText() {}

    /** The stripped text, or null when blank. @throws InvalidInput naming {@code field} when longer than {@code max} */
    public static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) return null;
        String stripped = value.strip();
        if (stripped.length() > max) throw new InvalidInput(field, "validation.too-long", max);
        return stripped;
    }

    /** As {@link #optional}, and refused as missing when blank. */
    public static String required(String value, int max, String field) {
        String text = optional(value, max, field);
        if (text == null) throw new InvalidInput(field, "validation.required");
        return text;
    }
}
