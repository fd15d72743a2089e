package org.aigaq.justice;

import java.time.LocalDate;
import java.util.Map;

/**
 * An article (and part) of a criminal code version: whether it punishes torture or is a milder offence, the lowest
 * term of imprisonment it provides (null when it provides none), and the article that replaced it.
 */
public record Article(String codeVersion, LocalDate inForceFrom, String article, String part, boolean torture,
                      Integer minimumMonths, String successor, Map<String, String> titles) {

    /** "146 part 2" style, as lawyers cite it, with the code version. */
    public String citation() {
        return article + (part == null || part.isEmpty() ? "" : "(" + part + ")") + " / " + codeVersion;
    }

    public String title(String language) {
        return titles.getOrDefault(language, titles.get("en"));
    }
}
