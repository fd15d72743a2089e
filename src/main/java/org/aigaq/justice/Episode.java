package org.aigaq.justice;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A person's time in custody, linked to an allegation (and its act, and a registered place when known), with its moments. */
public record Episode(long id, long eventId, Long actId, Long placeId, String jurisdiction, String notes,
                      List<Moment> moments, String recordedBy, Instant recordedAt) {

    /** The earliest moment of a kind, when one is recorded. */
    public Optional<Moment> first(MomentKind kind) {
        return moments.stream().filter(m -> m.kind() == kind).min(Comparator.comparing(Moment::at));
    }

    public List<Moment> all(MomentKind kind) {
        return moments.stream().filter(m -> m.kind() == kind).toList();
    }
}
