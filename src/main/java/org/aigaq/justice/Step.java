package org.aigaq.justice;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** A recorded step of an allegation's pipeline: what was given, who recorded it and when. */
public record Step(long id, long eventId, @JsonUnwrapped StepDraft draft, String recordedBy, Instant recordedAt) {

    public StepType type() {
        return draft.stepType();
    }
}
