package org.aigaq.documentation;

import java.time.Instant;

/** Two people a user said are different people: the pair is not proposed again while the marking stands. */
public record DifferentPair(long id, long firstId, String firstPseudonym, long secondId, String secondPseudonym,
                            Instant markedAt, Instant undoneAt) {

    public boolean current() {
        return undoneAt == null;
    }
}
