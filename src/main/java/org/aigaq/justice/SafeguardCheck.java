package org.aigaq.justice;

import java.time.Duration;

/**
 * What a safeguard rule finds in an episode: violated, respected or unknown (a time it needs is missing), the delay
 * measured when there is one, the jurisdiction's threshold and the moment concerned.
 */
public record SafeguardCheck(String rule, Status status, Duration delay, Duration threshold, Long momentId, String source) {

    /** The finding. */
    public enum Status { VIOLATED, RESPECTED, UNKNOWN }

    public boolean violated() {
        return status == Status.VIOLATED;
    }
}
