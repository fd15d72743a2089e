package org.aigaq.detention;

/** How far the authority followed a monitors' recommendation, as the monitors assess it. */
public enum FollowUpStatus {
    NO_RESPONSE, IMPLEMENTED, PARTLY_IMPLEMENTED, NOT_IMPLEMENTED, REJECTED;

    public String messageKey() {
        return "detention.follow-up." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
