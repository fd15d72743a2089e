package org.aigaq.justice;

/** Judicial review of the detention later than 48 hours after actual apprehension (the international standard). */
public class JudicialReviewLaterThan48Hours extends DelayAfterApprehension {

    public JudicialReviewLaterThan48Hours() {
        super(MomentKind.JUDICIAL_REVIEW);
    }
}
