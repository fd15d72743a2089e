package org.aigaq.platform.vocabulary;

import java.util.Locale;
import java.util.Map;

/** A term of a controlled vocabulary: its code in the list, its parent's code, its labels, its HURIDOCS equivalent. */
public record Term(long id, String list, String code, String parentCode, int level, Map<String, String> labels,
                   String huridocsCode) {

    public Term {
        labels = Labels.ordered(labels);
    }

    /** The label in the given language, or in English when the term has none in it. */
    public String label(Locale locale) {
        return Labels.shown(labels, locale, code);
    }

    /** The language {@link #label(Locale)} is in, so that pages can mark English shown in a Russian page. */
    public String labelLanguage(Locale locale) {
        return Labels.languageShown(labels, locale);
    }
}
