package org.aigaq.detention;

/** Where a visit stands: planned, its approval requested, approved or refused, done, or cancelled. */
public enum VisitStatus {
    PLANNED, REQUESTED, APPROVED, REFUSED, DONE, CANCELLED;

    public String messageKey() {
        return "detention.visit.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
