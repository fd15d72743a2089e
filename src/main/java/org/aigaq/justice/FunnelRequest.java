package org.aigaq.justice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;

/**
 * A funnel's filter and selection as the pages and the API receive them, as text parameters: each one that cannot be
 * read is named ({@code fromYear}, {@code asOf}, {@code reached}…), and the same parameters come back for links.
 */
public record FunnelRequest(FunnelFilter filter, AttritionFunnel.Selection selection) {

    /** Reads the parameters; the "as of" day is {@code today} when none is given. */
    public static FunnelRequest parse(Map<String, String> p, LocalDate today) {
        var rules = new BrokenRules();
        Integer from = rules.value(() -> number("fromYear", p.get("fromYear")));
        Integer to = rules.value(() -> number("toYear", p.get("toYear")));
        Long place = rules.value(() -> id("place", p.get("place")));
        Long organisation = rules.value(() -> id("organisation", p.get("organisation")));
        LocalDate asOf = rules.value(() -> day("asOf", p.get("asOf"), today));
        Milestone reached = rules.value(() -> milestone("reached", p.get("reached")));
        Milestone stoppedAt = rules.value(() -> milestone("stoppedAt", p.get("stoppedAt")));
        String reason = rules.value(() -> choice("reason", p.get("reason"), AttritionFunnel.stopReasons()));
        String flag = rules.value(() -> choice("flag", p.get("flag"), java.util.stream.Stream.concat(java.util.stream.Stream.of(AttritionFunnel.ANY),
                ImpunityRules.ALL.stream().map(ImpunityRule::name)).toList()));
        String violation = rules.value(() -> choice("violation", p.get("violation"), java.util.stream.Stream.concat(
                java.util.stream.Stream.of(AttritionFunnel.ANY), SafeguardRules.ALL.stream().map(SafeguardRule::name)).toList()));
        AttritionFunnel.GroupBy groupBy = rules.value(() -> groupBy(p.get("groupBy"), "groupBy"));
        rules.throwIfAny();
        var filter = new FunnelFilter(from, to, p.get("region"), p.get("agency"), place, p.get("article"), organisation, asOf).checked();
        String group = blank(p.get("group"));
        return new FunnelRequest(filter, new AttritionFunnel.Selection(reached, stoppedAt, reason, flag, violation,
                group == null ? null : groupBy, groupBy == null ? null : group));
    }

    /** The filter's parameters, for links that keep it. */
    public Map<String, String> parameters() {
        var p = new LinkedHashMap<String, String>();
        put(p, "fromYear", filter.fromYear());
        put(p, "toYear", filter.toYear());
        put(p, "region", filter.region());
        put(p, "agency", filter.agency());
        put(p, "place", filter.place());
        put(p, "article", filter.article());
        put(p, "organisation", filter.organisation());
        put(p, "asOf", filter.asOf());
        return p;
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null) p.put(name, value.toString());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer number(String field, String value) {
        if (blank(value) == null) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "justice.funnel.year-invalid", 1950, 2100);
        }
    }

    public static Long id(String field, String value) {
        if (blank(value) == null) return null;
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "validation.invalid");
        }
    }

    private static LocalDate day(String field, String value, LocalDate today) {
        if (blank(value) == null) return today;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "justice.funnel.date-invalid");
        }
    }

    private static Milestone milestone(String field, String value) {
        if (blank(value) == null) return null;
        try {
            return Milestone.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "validation.invalid");
        }
    }

    private static String choice(String field, String value, java.util.List<String> allowed) {
        if (blank(value) == null) return null;
        if (!allowed.contains(value.strip())) throw new InvalidInput(field, "validation.invalid");
        return value.strip();
    }

    /** A breakdown's grouping read from {@code field}; none when blank. */
    public static AttritionFunnel.GroupBy groupBy(String value, String field) {
        if (blank(value) == null) return null;
        try {
            return AttritionFunnel.GroupBy.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "validation.invalid");
        }
    }

    /** A page size between 1 and 500, 50 when none is given. */
    public static int size(String value) {
        if (blank(value) == null) return 50;
        try {
            return Math.max(1, Math.min(500, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            throw new InvalidInput("size", "validation.invalid");
        }
    }
}
