package org.aigaq.justice;

import java.time.Duration;

/** How long a custodial safeguard may take in a jurisdiction, and the standard that says so. */
public record Threshold(String rule, Duration limit, String source) {
}
