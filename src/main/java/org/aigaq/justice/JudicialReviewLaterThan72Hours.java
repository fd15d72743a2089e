package org.aigaq.justice;

/** Judicial review of the detention later than 72 hours after actual apprehension (the national law). */
public class JudicialReviewLaterThan72Hours extends DelayAfterApprehension {

    public JudicialReviewLaterThan72Hours() {
        super(MomentKind.JUDICIAL_REVIEW);
    }
}
