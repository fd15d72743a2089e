package org.aigaq.detention.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.aigaq.platform.InvalidInput;

/** Dates as the forms send them (ISO, from date inputs): empty is none, anything else unreadable names its field. */
final class Dates {

    private Dates() {}

    static LocalDate parse(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "detention.date.invalid");
        }
    }

    static Integer count(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "detention.count.invalid");
        }
    }
}
