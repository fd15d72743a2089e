package org.aigaq.justice;

import java.util.List;
import org.aigaq.platform.indicators.Indicator;

/** The funnel's indicators, each a step of the funnel over an earlier one, defined here once for pages, API and reports. */
public final class AttritionIndicators {

    /** An indicator and the milestones it divides. */
    public record Definition(Indicator indicator, Milestone numerator, Milestone denominator) {}

    public static final List<Definition> ALL = List.of(
            define("complaints-examined", Milestone.INQUIRY, Milestone.COMPLAINT),
            define("criminal-cases-opened", Milestone.CRIMINAL_CASE, Milestone.COMPLAINT),
            define("complaints-sent-to-court", Milestone.COURT, Milestone.COMPLAINT),
            define("complaints-convicted", Milestone.CONVICTION, Milestone.COMPLAINT),
            define("court-cases-convicted", Milestone.CONVICTION, Milestone.COURT),
            define("complaints-compensated", Milestone.COMPENSATION, Milestone.COMPLAINT));

    private AttritionIndicators() {
    }

    private static Definition define(String code, Milestone numerator, Milestone denominator) {
        return new Definition(new Indicator(code, numerator.messageKey(), denominator.messageKey(), 1), numerator, denominator);
    }
}
