package org.aigaq.detention;

import java.time.LocalDate;
import org.aigaq.platform.InvalidInput;
import org.aigaq.platform.vocabulary.Vocabularies;

/** The checks of what monitors enter: texts within their columns, dates in order and not ahead of today, terms of a list. */
final class MonitoringInput {

    private MonitoringInput() {}

    static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) return null;
        String stripped = value.strip();
        if (stripped.length() > max) throw new InvalidInput(field, "validation.too-long", max);
        return stripped;
    }

    static String required(String value, int max, String field) {
        String checked = optional(value, max, field);
        if (checked == null) throw new InvalidInput(field, "validation.required");
        return checked;
    }

    static <T> T present(T value, String field) {
        if (value == null) throw new InvalidInput(field, "validation.required");
        return value;
    }

    /** What happened is recorded after it happened: a date ahead of today is a mistake. */
    static LocalDate past(LocalDate date, String field) {
        if (date != null && date.isAfter(LocalDate.now())) throw new InvalidInput(field, "detention.date.future");
        return date;
    }

    static void notBefore(LocalDate date, LocalDate earliest, String field) {
        if (date != null && earliest != null && date.isBefore(earliest)) {
            throw new InvalidInput(field, "detention.date.before", earliest.toString());
        }
    }

    static String term(Vocabularies vocabularies, String list, String code, String field) {
        if (code == null || code.isBlank()) throw new InvalidInput(field, "validation.required");
        return vocabularies.require(list, code.strip(), field).code();
    }

    static int count(Integer value, String field) {
        if (value == null) return 0;
        if (value < 0 || value > 100_000) throw new InvalidInput(field, "detention.count.invalid");
        return value;
    }
}
