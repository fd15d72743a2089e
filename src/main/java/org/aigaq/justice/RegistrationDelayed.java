package org.aigaq.justice;

/** The arrest record drawn up later than the threshold after actual apprehension. */
public class RegistrationDelayed extends DelayAfterApprehension {

    public RegistrationDelayed() {
        super(MomentKind.ARREST_RECORDED);
    }
}
