package org.aigaq.detention;

import org.aigaq.documentation.FuzzyDate;
import org.aigaq.documentation.Sharing;

/** What a user enters to record a self-harm incident; {@code people} counts those taking part in a group protest. */
public record SelfHarmDraft(Long placeId, Long personId, FuzzyDate date, String kind, Boolean groupProtest, Integer people,
                            String reason, String response, Sharing sharing) {

    public SelfHarmDraft {
        groupProtest = Boolean.TRUE.equals(groupProtest);
        sharing = sharing == null ? Sharing.ORGANISATION : sharing;
    }
}
