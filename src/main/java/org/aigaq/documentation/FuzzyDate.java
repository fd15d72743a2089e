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
