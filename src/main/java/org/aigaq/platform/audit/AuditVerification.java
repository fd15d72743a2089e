package org.aigaq.platform.audit;

/** The outcome of verifying the audit chain: intact, or the first entry that breaks it and how. */
public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenEntry, Problem problem) {

    /** How an entry breaks the chain. */
    public enum Problem {
        /** Its content no longer matches its hash. */
        ALTERED,
        /** An entry is missing at this sequence number. */
        REMOVED,
        /** The entry does not chain to the one before it: inserted, replaced, or the one before was rewritten. */
        INSERTED,
        /** Its time is earlier than the entry before it. */
        OUT_OF_ORDER
    }
}
