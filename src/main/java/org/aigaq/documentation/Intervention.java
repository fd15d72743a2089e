package org.aigaq.documentation;

/** An action taken on an event: a complaint filed, a lawyer assigned, an urgent appeal, and what came of it. */
public record Intervention(long id, long eventId, String interventionType, String interveningParty, FuzzyDate date,
                           String partiesRequested, String response, String impact, String status, String priority) {
}
