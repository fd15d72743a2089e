package org.aigaq.detention;

import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;

/**
 * An act of self-harm in custody, by one person or by a group in protest ({@code people} taking part), as the
 * current user may see it: the person by id and pseudonym only, the person, reason and response left out for published
 * readers.
 */
public record SelfHarmIncident(long id, long organisationId, Sharing sharing, long placeId, String placeName,
                               Long personId, String pseudonym, FuzzyDate date, String kind, boolean groupProtest, int people,
                               String reason, String response, boolean changeable) {

    public String reference() {
        return "S-" + id;
    }
}
