package org.aigaq.documentation;

import java.time.LocalDate;

/** A source that reported an event: who, how connected, what kind of material, how reliable, when received. */
public record Information(long id, long eventId, Long sourcePersonId, String connection, String sourceType,
                          String reliability, LocalDate dateReceived, String summary) {
}
