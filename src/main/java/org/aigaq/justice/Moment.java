package org.aigaq.justice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A recorded moment of a detention episode: an instant, with the zone it was entered in. */
public record Moment(long id, long episodeId, MomentKind kind, Instant at, ZoneId zone, Long placeId,
                     String placeDescription, Boolean registeredPlace, Boolean recordedMedia, String lawyerKind,
                     Boolean lawyerPresent, Boolean injuriesRecorded, String notes) {

    /** The moment as entered: local time with its offset and zone. */
    public ZonedDateTime local() {
        return at.atZone(zone);
    }
}
