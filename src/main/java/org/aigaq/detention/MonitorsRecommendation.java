package org.aigaq.detention;

import java.time.LocalDate;

/**
 * A recommendation monitors made to a named authority, from a visit or on its own, with the date a response is due,
 * the follow-up status, the earlier recommendation it repeats, and whether it is published with the visit report.
 * {@code overdue}: the due date has passed and no response was received.
 */
public record MonitorsRecommendation(long id, long organisationId, Long visitId, Long repeatsId, String authority,
                                     String text, LocalDate madeOn, LocalDate responseDueOn, FollowUpStatus status,
                                     boolean published, int responses, boolean overdue) {

    /** What a monitor enters to record a recommendation. */
    public record Draft(Long visitId, Long repeatsId, String authority, String text, LocalDate madeOn,
                        LocalDate responseDueOn, Boolean published) {}
}
