package org.aigaq.detention;

import java.time.LocalDate;

/**
 * A monitoring visit as stored: to which place, by which body, of which type, when planned and when made, where it
 * stands, its approval (with the waiting time in days: request to decision, or to today while pending), how many
 * people were interviewed, and its report.
 */
public record Visit(long id, long organisationId, long placeId, String placeName, String placeCode, String body,
                    String visitType, boolean announced, boolean crossRegional, LocalDate plannedFrom, LocalDate plannedTo,
                    LocalDate startedOn, LocalDate endedOn, VisitStatus status, String purpose, Approval approval,
                    Interviews interviews, Report report) {

    /** The request for approval and its answer; every part null until recorded. */
    public record Approval(LocalDate requestedOn, String requestedBy, ApprovalDecision decision, LocalDate decidedOn,
                           String decidedBy, String reason, Integer waitingDays) {
        public boolean pending() {
            return requestedOn != null && decision == null;
        }
    }

    /** How many people the monitors interviewed, by kind; identities are recorded apart, and only if chosen. */
    public record Interviews(int detainees, int staff, int others) {
        public int total() {
            return detainees + staff + others;
        }
    }

    /** The visit report: when and where it was published, and whether the coalition shows it on its public page. */
    public record Report(LocalDate publishedOn, String reference, boolean isPublic) {}

    /** The first day of the visit as made, or as planned. */
    public LocalDate date() {
        return startedOn != null ? startedOn : plannedFrom;
    }
}
