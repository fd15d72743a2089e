package org.aigaq.justice;

import java.util.List;

/** What a rule found in a case: the rule's name, the step it concerns (null for the case as a whole), and why. */
public record Flag(String rule, Long stepId, String reasonKey, List<Object> arguments) {
}
