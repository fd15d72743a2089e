package org.aigaq.justice;

/** The first contact with a lawyer later than 24 hours (the jurisdiction's threshold) after actual apprehension. */
public class LawyerLaterThan24Hours extends DelayAfterApprehension {

    public LawyerLaterThan24Hours() {
        super(MomentKind.LAWYER_CONTACT);
    }
}
