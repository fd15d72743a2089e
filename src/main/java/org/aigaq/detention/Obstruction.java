package org.aigaq.detention;

import java.time.LocalDate;

/** An obstruction of a visit as a dated event: denied at the gate, areas or documents withheld, and the like. */
public record Obstruction(long id, long visitId, LocalDate occurredOn, String kind, String description) {

    /** What a monitor enters to record an obstruction. */
    public record Draft(LocalDate occurredOn, String kind, String description) {}
}
