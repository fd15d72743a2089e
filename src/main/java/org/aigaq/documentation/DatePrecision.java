package org.aigaq.documentation;

/** How precisely a date is known: documentation often has only a month, a year, or an estimate. */
public enum DatePrecision {
    EXACT, MONTH, YEAR, ESTIMATED, UNKNOWN;

    public String messageKey() {
        return "date-precision." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
