package org.aigaq.justice;

/**
 * A custodial safeguard computed from an episode's moments, with the jurisdiction's threshold; its description is the
 * message {@code justice.rule.<name>.description}, its source the jurisdiction's configuration.
 */
public interface SafeguardRule {

    default String name() {
        return getClass().getSimpleName();
    }

    SafeguardCheck check(Episode episode, Jurisdiction jurisdiction);

    /** The jurisdiction's threshold for this rule (zero when it configures none). */
    default Threshold threshold(Jurisdiction jurisdiction) {
        return jurisdiction.thresholds().getOrDefault(name(), new Threshold(name(), java.time.Duration.ZERO, java.util.Map.of("en", "")));
    }
}
