package org.aigaq.detention;

/** What the approving authority answered to a request for a visit. */
public enum ApprovalDecision {
    GRANTED, REFUSED;

    public String messageKey() {
        return "detention.approval.decision." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
