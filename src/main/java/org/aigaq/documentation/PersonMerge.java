package org.aigaq.documentation;

import java.time.Instant;
import java.util.Map;

/**
 * One person record merged into another: which was kept, which was retired, when, and how many links of each kind
 * moved ({@code act.victim}, {@code involvement.perpetrator}, {@code information.source}, {@code event_person});
 * undone when {@code undoneAt} is set.
 */
public record PersonMerge(long id, long keptId, String keptPseudonym, long mergedId, String mergedPseudonym,
                          Instant mergedAt, Instant undoneAt, Map<String, Integer> moved) {

    public boolean current() {
        return undoneAt == null;
    }
}
