package org.aigaq.detention;

import java.time.LocalDate;

/** A response of the authority to a recommendation, as received on a date. */
public record AuthorityResponse(long id, long recommendationId, LocalDate receivedOn, String text) {

    /** What a monitor enters to record a response. */
    public record Draft(LocalDate receivedOn, String text) {}
}
