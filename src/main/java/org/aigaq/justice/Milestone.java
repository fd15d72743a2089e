package org.aigaq.justice;

/**
 * A step of the attrition funnel, in its order: the complaints, those examined (an inquiry, or a case opened at
 * once), criminal cases opened, cases sent to court, standing convictions, and compensation awarded. Each names the
 * column of {@code justice_attrition} holding the first day a case reached it.
 */
public enum Milestone {
    COMPLAINT("complaint_on"),
    INQUIRY("inquiry_on"),
    CRIMINAL_CASE("case_opened_on"),
    COURT("court_on"),
    CONVICTION("convicted_on"),
    COMPENSATION("compensated_on");

    private final String column;

    Milestone(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** The next step of the funnel, or null after the last. */
    public Milestone next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    public String messageKey() {
        return "justice.funnel.milestone." + name();
    }
}
