package org.aigaq.detention;

import java.time.LocalDate;

/** That a visit was made: on which days, and how many detainees, staff and others were interviewed. */
public record VisitOutcome(LocalDate startedOn, LocalDate endedOn, Integer detaineesInterviewed, Integer staffInterviewed,
                           Integer othersInterviewed) {}
