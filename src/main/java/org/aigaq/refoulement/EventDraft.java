package org.aigaq.refoulement;

import java.time.LocalDate;

/** What a user enters to add an event to a case's timeline. */
public record EventDraft(RefoulementCase.Kind kind, LocalDate date, String court, String instance, String decision,
                         RefoulementCase.Committee committee, Boolean respected, RefoulementCase.Removal removal,
                         String note) {}
