package org.aigaq.justice;

/** Relatives notified later than the jurisdiction's threshold after actual apprehension. */
public class RelativesNotNotifiedWithoutDelay extends DelayAfterApprehension {

    public RelativesNotNotifiedWithoutDelay() {
        super(MomentKind.RELATIVES_NOTIFIED);
    }
}
