package org.aigaq.justice;

import java.util.List;

/**
 * A rule that flags what the standards forbid in the handling of a torture complaint. Its name is the class's, its
 * description and source (the Convention article, the CAT general comment, the national law) are the messages
 * {@code justice.rule.<name>.description} and {@code .source}.
 */
public interface ImpunityRule {

    default String name() {
        return getClass().getSimpleName();
    }

    List<Flag> check(CaseFacts facts);
}
