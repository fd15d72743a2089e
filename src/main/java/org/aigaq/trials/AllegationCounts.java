package org.aigaq.trials;

/** Torture allegations raised in court, and how many the court recorded, examined, sent for investigation or let stand as evidence. */
public record AllegationCounts(long raised, long recorded, long examined, long investigationOrdered, long evidenceAdmitted) {

    static final AllegationCounts NONE = new AllegationCounts(0, 0, 0, 0, 0);
}
