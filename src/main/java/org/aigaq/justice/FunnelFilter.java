package org.aigaq.justice;

import java.time.LocalDate;
import org.aigaq.platform.BrokenRules;
import org.aigaq.platform.InvalidInput;

/**
 * Which complaints a funnel counts: filed in the years {@code fromYear}–{@code toYear}, of a region, an agency of the
 * alleged perpetrators, a place (of the acts or of a detention), an article ({@code version:article}, e.g.
 * {@code 2014:146}) and an organisation, each optional; and the day the figures are taken {@code asOf} (steps after
 * it are not counted).
 */
public record FunnelFilter(Integer fromYear, Integer toYear, String region, String agency, Long place, String article,
                           Long organisation, LocalDate asOf) {

    public FunnelFilter {
        region = blank(region);
        agency = blank(agency);
        article = blank(article);
    }

    /** Every complaint the reader may see, as of {@code asOf}. */
    public static FunnelFilter all(LocalDate asOf) {
        return new FunnelFilter(null, null, null, null, null, null, null, asOf);
    }

    /** The same filter, checked: a rule broken is named by its field. */
    FunnelFilter checked() {
        var rules = new BrokenRules();
        rules.rule(() -> year("fromYear", fromYear));
        rules.rule(() -> year("toYear", toYear));
        rules.rule(() -> {
            if (fromYear != null && toYear != null && fromYear > toYear) throw new InvalidInput("toYear", "justice.funnel.years-reversed");
        });
        rules.rule(() -> {
            if (article != null && !article.matches("[0-9A-Za-z.-]{1,10}:[0-9A-Za-z./-]{1,20}")) {
                throw new InvalidInput("article", "justice.funnel.article-invalid");
            }
        });
        rules.rule(() -> { if (asOf == null) throw new InvalidInput("asOf", "validation.required"); });
        rules.throwIfAny();
        return this;
    }

    private static void year(String field, Integer year) {
        if (year != null && (year < 1950 || year > 2100)) throw new InvalidInput(field, "justice.funnel.year-invalid", 1950, 2100);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
