package org.aigaq.reports;

import java.util.Locale;

/**
 * A list-of-issues topic of the Committee against Torture with the Convention articles it falls under; its heading
 * is the message {@code reports.topic.<code>} in the report's language.
 */
public enum Topic {
    DEFINITION("1, 4"),
    SAFEGUARDS("2"),
    OVERSIGHT("2, 11"),
    JUDICIARY("2"),
    TRAFFICKING("2, 16"),
    NON_REFOULEMENT("3"),
    CONDITIONS("11, 16"),
    IMPUNITY("12, 13"),
    REDRESS("14"),
    EVIDENCE("15"),
    DEFENDERS("13, 16");

    private final String articles;

    Topic(String articles) {
        this.articles = articles;
    }

    /** The Convention's articles, as cited in the heading ("12, 13"). */
    public String articles() {
        return articles;
    }

    public String messageKey() {
        return "reports.topic." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
