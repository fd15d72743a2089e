package org.aigaq.justice;

import java.time.LocalDateTime;

/**
 * A moment as the user gives it: its kind, the local date-time and the zone it is in (the jurisdiction's when
 * empty), where it happened and what the kind asks (a place registered or not and recorded or not for an
 * interrogation, the lawyer's kind and presence, injuries recorded at a medical examination).
 */
public record MomentDraft(MomentKind kind, LocalDateTime localTime, String zone, Long placeId, String placeDescription,
                          Boolean registeredPlace, Boolean recordedMedia, String lawyerKind, Boolean lawyerPresent,
                          Boolean injuriesRecorded, String notes) {
}
