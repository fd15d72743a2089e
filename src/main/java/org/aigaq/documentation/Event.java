package org.aigaq.documentation;

import java.time.Instant;
import java.time.LocalDate;

/** An event as stored: what happened, when and where, its status, who owns it and how far it is shared. */
public record Event(long id, String recordNumber, long organisationId, String organisationName, Sharing sharing,
                    String title, String description, FuzzyDate initial, FuzzyDate end, Long placeId, String placeName,
                    String locationType, String region, String locationDescription, String violationStatus,
                    String monitoringStatus, LocalDate dateReceived, Instant createdAt, Instant updatedAt) {
}
