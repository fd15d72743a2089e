package org.aigaq.platform.vocabulary;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Proposes, for a value read from a file, the term of a list it stands for: the term whose code is the value, or whose
 * label in any language equals it (case, spacing and 'ё'/'е' aside), or whose HURIDOCS code it is. Built once per
 * import: each list is read when it is first needed.
 */
public final class TermProposals {

    private final Vocabularies vocabularies;
    private final Map<String, Map<String, String>> known = new HashMap<>();

    public TermProposals(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** The code of the term proposed for the value in the list, or null when none matches. */
    public String match(String list, String value) {
        if (value == null || value.isBlank()) return null;
        return known.computeIfAbsent(list, this::load).get(normalised(value));
    }

    private Map<String, String> load(String list) {
        var codes = new HashMap<String, String>();
        var terms = vocabularies.terms(list);
        // Codes first: a label never hides a term whose code is the value.
        for (Term term : terms) codes.put(normalised(term.code()), term.code());
        for (Term term : terms) {
            term.labels().values().forEach(label -> codes.putIfAbsent(normalised(label), term.code()));
            if (term.huridocsCode() != null) codes.putIfAbsent(normalised(term.huridocsCode()), term.code());
        }
        return codes;
    }

    /** A value as compared: stripped, lower case, 'ё' as 'е', runs of white space as one space. */
    public static String normalised(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }
}
