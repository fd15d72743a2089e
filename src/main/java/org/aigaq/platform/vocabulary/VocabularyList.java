package org.aigaq.platform.vocabulary;

import java.util.Locale;
import java.util.Map;

/** A controlled vocabulary: Aigaq's own ({@code aigaq}) or an imported HURIDOCS micro-thesaurus ({@code huridocs}). */
public record VocabularyList(String code, String source, Map<String, String> labels, int terms) {

    public static final String AIGAQ = "aigaq";
    public static final String HURIDOCS = "huridocs";

    public VocabularyList {
        labels = Labels.ordered(labels);
    }

    public String label(Locale locale) {
        return Labels.shown(labels, locale, code);
    }

    public String labelLanguage(Locale locale) {
        return Labels.languageShown(labels, locale);
    }

    /** Whether the list is a HURIDOCS micro-thesaurus (named so that JSON does not take it for a property). */
    public boolean importedFromHuridocs() {
        return HURIDOCS.equals(source);
    }
}
