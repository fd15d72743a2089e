package org.aigaq.detention;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aigaq.documentation.DatePrecision;
import org.aigaq.documentation.FuzzyDate;

/**
 * Dates as spreadsheets write them: 17.03.2023, 17/03/2023, 2023-03-17, 03.2023, "март 2023", "March 2023", "наурыз
 * 2023", or a year alone; each with the precision it tells. Anything else is unreadable (null).
 */
final class LooseDates {

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[./-](\\d{4})");
    private static final Pattern NAMED_MONTH_YEAR = Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{4})( ?г\\.?| ?ж\\.?)?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})( ?г\\.?| ?ж\\.?| ?год)?");

    /** Month names by their first letters (enough to tell them apart), in English, Russian and Kazakh. */
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12),
            Map.entry("янв", 1), Map.entry("фев", 2), Map.entry("мар", 3), Map.entry("апр", 4), Map.entry("мая", 5),
            Map.entry("май", 5), Map.entry("июн", 6), Map.entry("июл", 7), Map.entry("авг", 8), Map.entry("сен", 9),
            Map.entry("окт", 10), Map.entry("ноя", 11), Map.entry("дек", 12),
            Map.entry("қаң", 1), Map.entry("ақп", 2), Map.entry("нау", 3), Map.entry("сәу", 4), Map.entry("мам", 5),
            Map.entry("мау", 6), Map.entry("шіл", 7), Map.entry("там", 8), Map.entry("қыр", 9), Map.entry("қаз", 10),
            Map.entry("қар", 11), Map.entry("жел", 12));

    private LooseDates() {}

    static FuzzyDate read(String text) {
        if (text == null || text.isBlank()) return null;
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            Matcher m;
            if ((m = DAY_MONTH_YEAR.matcher(value)).matches()) {
                return new FuzzyDate(LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))),
                        DatePrecision.EXACT);
            }
            if ((m = ISO.matcher(value)).matches()) {
                return new FuzzyDate(LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                        DatePrecision.EXACT);
            }
            if ((m = MONTH_YEAR.matcher(value)).matches()) {
                return new FuzzyDate(LocalDate.of(year(m.group(2)), Integer.parseInt(m.group(1)), 1), DatePrecision.MONTH);
            }
            if ((m = NAMED_MONTH_YEAR.matcher(value)).matches() && m.group(1).length() >= 3) {
                Integer month = MONTHS.get(m.group(1).substring(0, 3));
                return month == null ? null : new FuzzyDate(LocalDate.of(year(m.group(2)), month, 1), DatePrecision.MONTH);
            }
            if ((m = YEAR.matcher(value)).matches()) {
                return new FuzzyDate(LocalDate.of(year(m.group(1)), 1, 1), DatePrecision.YEAR);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (year < 1900) throw new DateTimeException("year " + year);
        return year;
    }
}
