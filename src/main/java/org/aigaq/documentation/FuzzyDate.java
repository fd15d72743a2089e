package org.aigaq.documentation;

import java.time.LocalDate;

/** A date with its precision; with UNKNOWN precision there is no date. */
public record FuzzyDate(LocalDate date, DatePrecision precision) {

    public FuzzyDate {
        if (precision == null) {
            precision = date == null ? DatePrecision.UNKNOWN : DatePrecision.EXACT;
        }
        if (precision == DatePrecision.UNKNOWN) {
            date = null;
        } else if (date != null && precision == DatePrecision.MONTH) {
            date = date.withDayOfMonth(1);
        } else if (date != null && precision == DatePrecision.YEAR) {
            date = date.withDayOfYear(1);
        }
    }

    public static FuzzyDate unknown() {
        return new FuzzyDate(null, DatePrecision.UNKNOWN);
    }

    /** An event or act is documented after it happened: a date in the future is a mistake. */
    static void requirePast(FuzzyDate date, String field) {
        if (date != null && date.date() != null && date.date().isAfter(LocalDate.now())) {
            throw new org.aigaq.platform.InvalidInput(field, "documentation.date.future");
        }
    }

    /** The end of a period is not before its start. */
    static void requireOrder(FuzzyDate start, FuzzyDate end, String endField) {
        if (start != null && start.date() != null && end != null && end.date() != null && end.date().isBefore(start.date())) {
            throw new org.aigaq.platform.InvalidInput(endField, "documentation.date.end-before-start");
        }
    }

    /** The date as precisely as it is known: 2024-03-17, 2024-03, 2024, ~2024-03-17, or empty. */
    public String shown() {
        if (date == null) return "";
        return switch (precision) {
            case EXACT -> date.toString();
            case MONTH -> date.toString().substring(0, 7);
            case YEAR -> String.valueOf(date.getYear());
            case ESTIMATED -> "~" + date;
            case UNKNOWN -> "";
        };
    }
}
