package org.aigaq.justice;

/** A detention episode as the user gives it: the act (its victim) and the registered place when known, and notes. */
public record EpisodeDraft(Long actId, Long placeId, String notes) {
}
