package org.aigaq.detention;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public page of a published visit report shows, and nothing more: the place, the dates, the body and the
 * type of visit, the report's publication, the findings' themes and texts and the published recommendations. Nothing
 * about people: no team, no one interviewed, no counts, no linked cases. The dates are those of the visit as made,
 * or as planned for a visit that was not made (a refused one).
 */
public record PublishedVisitReport(long visitId, String placeName, String placeCode, String placeType, String region,
                                   String town, String body, String visitType, LocalDate startedOn, LocalDate endedOn,
                                   LocalDate publishedOn, String reference, List<Theme> findings,
                                   List<Recommendation> recommendations) {

    /** A finding as published. */
    public record Theme(String theme, String text) {}

    /** A recommendation as published. */
    public record Recommendation(String authority, String text, LocalDate madeOn, LocalDate responseDueOn,
                                 FollowUpStatus status) {}
}
