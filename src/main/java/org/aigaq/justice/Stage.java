package org.aigaq.justice;

/** Where a complaint stands in the justice pipeline. */
public enum Stage {
    NONE, COMPLAINT, REGISTERED, INQUIRY, REFUSED, INVESTIGATION, CLOSED, IN_COURT, CONVICTED, ACQUITTED, SENTENCED, EXEMPTED;

    public String messageKey() {
        return "justice.stage." + name();
    }
}
