package org.aigaq.documentation;

import java.time.LocalDate;

/** What a user enters to record or change an event. */
public record EventDraft(String title, String description, FuzzyDate initial, FuzzyDate end, Long placeId,
                         String locationType, String region, String locationDescription, String violationStatus,
                         String monitoringStatus, LocalDate dateReceived, Sharing sharing) {
}
